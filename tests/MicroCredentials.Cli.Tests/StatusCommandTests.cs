namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class StatusCommandTests
{
    private Workspace _ws = null!;

    [OneTimeSetUp]
    public async Task IssueSamples()
    {
        _ws = new Workspace();
        var run = await _ws.IssueAsync(Repo.Learners);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
    }

    [OneTimeTearDown]
    public void Cleanup() => _ws.Dispose();

    private static string IdOf(string jsonPath) => "urn:uuid:" + Path.GetFileNameWithoutExtension(jsonPath);

    [Test]
    public async Task Revoke_IssuedCredential_VerifyThenReportsRevoked()
    {
        var json = _ws.CredentialJsonFiles()[0];

        var revoke = await CliRun.RunAsync(["revoke", IdOf(json), "--reason", "x", .. _ws.Storage()]);

        Assert.That(revoke.ExitCode, Is.EqualTo(CliApp.Ok), revoke.ToString());
        var verify = await _ws.VerifyAsync(json);
        Assert.That(verify.ExitCode, Is.EqualTo(CliApp.Failed), verify.ToString());
        Assert.That(verify.Output, Does.Contain("verdict: Revoked"));
    }

    [Test]
    public async Task Revoke_Twice_ReportsUnchangedWithoutException()
    {
        var id = IdOf(_ws.CredentialJsonFiles()[2]);
        await CliRun.RunAsync(["revoke", id, "--reason", "x", .. _ws.Storage()]);

        var again = await CliRun.RunAsync(["revoke", id, "--reason", "x", .. _ws.Storage()]);

        Assert.That(again.ExitCode, Is.EqualTo(CliApp.Ok).Or.EqualTo(CliApp.Failed), again.ToString());
        Assert.That(again.Output, Does.Contain("unchanged").Or.Contain("refused"));
    }

    [Test]
    public async Task Unsuspend_Revoked_IsRefused()
    {
        var id = IdOf(_ws.CredentialJsonFiles()[3]);
        await CliRun.RunAsync(["revoke", id, "--reason", "x", .. _ws.Storage()]);

        var run = await CliRun.RunAsync(["unsuspend", id, .. _ws.Storage()]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("refused"));
    }

    [Test]
    public async Task SuspendUnsuspend_ByBareUuid_SuspendedThenValidAgain()
    {
        var json = _ws.CredentialJsonFiles()[1];
        var stem = Path.GetFileNameWithoutExtension(json);

        var suspend = await CliRun.RunAsync(["suspend", stem, "--reason", "inquiry", .. _ws.Storage()]);

        Assert.That(suspend.ExitCode, Is.EqualTo(CliApp.Ok), suspend.ToString());
        var suspended = await _ws.VerifyAsync(json);
        Assert.That(suspended.ExitCode, Is.EqualTo(CliApp.Failed), suspended.ToString());
        Assert.That(suspended.Output, Does.Contain("verdict: Suspended"));

        var unsuspend = await CliRun.RunAsync(["unsuspend", stem, .. _ws.Storage()]);

        Assert.That(unsuspend.ExitCode, Is.EqualTo(CliApp.Ok), unsuspend.ToString());
        var valid = await _ws.VerifyAsync(json);
        Assert.That(valid.ExitCode, Is.EqualTo(CliApp.Ok), valid.ToString());
        Assert.That(valid.Output, Does.Contain("verdict: Valid"));
    }

    [Test]
    public async Task Revoke_BlankReason_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["revoke", IdOf(_ws.CredentialJsonFiles()[4]), "--reason", " ", .. _ws.Storage()]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
    }

    [Test]
    public async Task Revoke_UnknownCredential_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["revoke", "no-such-credential", "--reason", "x", .. _ws.Storage()]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("no credential"));
    }
}
