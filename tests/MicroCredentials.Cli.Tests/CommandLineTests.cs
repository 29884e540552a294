namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public async Task Issue_MissingRequiredOption_ExitsTwo()
    {
        var run = await CliRun.RunAsync("issue", "--learners", Repo.Learners);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("--catalog"));
    }

    [Test]
    public async Task Issue_UnknownLanguage_ExitsTwo()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.Learners, "--lang", "de");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(ws.CredentialJsonFiles(), Is.Empty);
    }

    [Test]
    public async Task KeysDid_RelativeBaseUrl_ExitsTwo()
    {
        var run = await CliRun.RunAsync("keys", "did", "--keys", Repo.DemoKeys, "--base-url", "not a url");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("--base-url"));
    }

    [Test]
    public async Task Help_Root_ExitsZero()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
    }

    [Test]
    public async Task Issue_BaseUrl_CredentialsCarryThatIssuer()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.Learners, "--base-url", "https://credentials.example.org");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        var credential = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(ws.CredentialJsonFiles()[0]))!;
        Assert.That(credential["issuer"]!["id"]!.GetValue<string>(), Is.EqualTo("did:web:credentials.example.org"));
    }
}
