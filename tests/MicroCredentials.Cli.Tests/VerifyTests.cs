using System.Text.Json.Nodes;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class VerifyTests
{
    private Workspace _ws = null!;
    private string _json = null!;

    [OneTimeSetUp]
    public async Task IssueSamples()
    {
        _ws = new Workspace();
        var run = await _ws.IssueAsync(Repo.Learners);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        _json = _ws.CredentialJsonFiles()[0];
    }

    [OneTimeTearDown]
    public void Cleanup() => _ws.Dispose();

    [TestCase(".json")]
    [TestCase(".jwt")]
    [TestCase(".pdf")]
    [TestCase(".png")]
    public async Task Verify_IssuedFile_ExitsZeroValid(string extension)
    {
        var run = await _ws.VerifyAsync(Path.ChangeExtension(_json, extension));

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("verdict: Valid"));
    }

    [Test]
    public async Task Verify_LearnerNameChanged_ExitsOneNotGenuine()
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(_json))!.AsObject();
        var name = credential["credentialSubject"]!["identifier"]!.AsArray()
            .Single(i => i!["identityType"]!.GetValue<string>() == "name")!.AsObject();
        name["identityHash"] = "Mallory Forger";
        var path = _ws.Write("tampered.json", credential.ToJsonString());

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("FAIL Proof"));
        Assert.That(run.Output, Does.Contain("signature").IgnoreCase);
        Assert.That(run.Output, Does.Contain("verdict: NotGenuine"));
    }

    [Test]
    public async Task Verify_TruncatedJwt_ExitsOneWithoutException()
    {
        var jwt = await File.ReadAllTextAsync(Path.ChangeExtension(_json, ".jwt"));
        var path = _ws.Write("truncated.jwt", jwt[..(jwt.Length / 2)]);

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("verdict:").And.Not.Contain("verdict: Valid"));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
    }

    [Test]
    public async Task Verify_RandomBytes_ExitsOneUnreadable()
    {
        var path = Path.Combine(_ws.Root, "random.bin");
        var bytes = new byte[777];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("verdict: Unreadable"));
    }

    [Test]
    public async Task Verify_PlainJsonThatIsNoCredential_ExitsOne()
    {
        var path = _ws.Write("other.json", """{"hello": "world"}""");

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Not.Contain("verdict: Valid"));
    }

    [Test]
    public async Task Verify_MissingFile_ExitsTwo()
    {
        var run = await _ws.VerifyAsync(Path.Combine(_ws.Root, "missing.json"));

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("does not exist"));
    }
}
