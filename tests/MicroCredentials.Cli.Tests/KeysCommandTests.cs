using System.Text.Json.Nodes;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class KeysCommandTests
{
    private static readonly string[] FileNames = ["ed25519.pem", "es256.pem", "rs256.pem", "seal-cert.pem", "seal.p12"];
    private static readonly string[] PrivateFiles = ["ed25519.pem", "es256.pem", "rs256.pem", "seal.p12"];

    [Test]
    public async Task KeysGenerate_EmptyFolder_WritesFiveFilesPrivateOnesOwnerOnly()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");

        var run = await CliRun.RunAsync("keys", "generate", "--out", keys);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(FileNames.Select(f => File.Exists(Path.Combine(keys, f))), Is.All.True);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in PrivateFiles)
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(keys, file)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
            }
        }
    }

    [Test]
    public async Task KeysGenerate_AgainWithoutForce_ExitsTwoAndWritesNothing()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys);
        var before = FileNames.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(keys, f)));

        var run = await CliRun.RunAsync("keys", "generate", "--out", keys);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        foreach (var (file, bytes) in before)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(keys, file)), Is.EqualTo(bytes), file);
        }
    }

    [Test]
    public async Task Issue_GeneratedKeys_WorksWithoutDemoWarning()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys, "--seal-password", "s3cret");

        var run = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", Repo.Learners, "--out", ws.Out,
            .. ws.Storage(keys), "--seal-password", "s3cret"]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("issued 6,"));
        Assert.That(run.Output, Does.Not.Contain("PUBLIC DEMO KEYS"));
        var verify = await CliRun.RunAsync(["verify", Path.ChangeExtension(ws.CredentialJsonFiles()[0], ".pdf"), .. ws.Storage(keys), "--seal-password", "s3cret"]);
        Assert.That(verify.ExitCode, Is.EqualTo(CliApp.Ok), verify.ToString());
    }

    [Test]
    public async Task Issue_DemoKeys_PrintsDemoWarning()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.Learners, "--dry-run");

        Assert.That(run.Output, Does.Contain("PUBLIC DEMO KEYS"));
    }

    [Test]
    public async Task KeysJwks_DemoKeys_PrintsPublicKeysOnly()
    {
        var run = await CliRun.RunAsync("keys", "jwks", "--keys", Repo.DemoKeys);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        var jwks = JsonNode.Parse(run.Output)!.AsObject();
        var keys = jwks["keys"]!.AsArray();
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys.Select(k => k!.AsObject().ContainsKey("d")), Is.All.False);
    }

    [Test]
    public async Task KeysDid_DemoKeys_PrintsDidDocument()
    {
        var run = await CliRun.RunAsync("keys", "did", "--keys", Repo.DemoKeys, "--base-url", "https://credentials.example.org");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        var did = JsonNode.Parse(run.Output)!.AsObject();
        Assert.That(did["id"]!.GetValue<string>(), Is.EqualTo("did:web:credentials.example.org"));
    }
}
