using System.Text.Json.Nodes;
using MicroCredentials.Keys;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class KeysRotateTests
{
    [Test]
    public async Task KeysRotate_IssuedBefore_OldCredentialStillVerifiesNewOnesUseNewKeysAndJwksKeepsBoth()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys, "--seal-password", "s3cret");
        var first = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", Repo.Learners, "--out", ws.Out, .. ws.Storage(keys), "--seal-password", "s3cret"]);
        Assert.That(first.ExitCode, Is.EqualTo(CliApp.Ok), first.ToString());
        var before = ws.CredentialJsonFiles()[0];
        var beforeVm = (string?)JsonNode.Parse(File.ReadAllText(before))!["proof"]!.AsArray()[0]!["verificationMethod"];

        var rotate = await CliRun.RunAsync("keys", "rotate", "--keys", keys, "--seal-password", "s3cret", "--at", TimeProvider.System.GetUtcNow().AddSeconds(2).ToString("O"));

        Assert.That(rotate.ExitCode, Is.EqualTo(CliApp.Ok), rotate.ToString());
        Assert.That(rotate.Output, Does.Contain("retired").And.Contain("destroy them"));
        Assert.That(File.Exists(Path.Combine(keys, KeyHistory.FileName)), Is.True);
        var verify = await CliRun.RunAsync(["verify", before, .. ws.Storage(keys), "--seal-password", "s3cret"]);
        Assert.That(verify.ExitCode, Is.EqualTo(CliApp.Ok), verify.ToString());
        var jwks = await CliRun.RunAsync("keys", "jwks", "--keys", keys, "--seal-password", "s3cret");
        Assert.That(JsonNode.Parse(jwks.Output)!["keys"]!.AsArray(), Has.Count.EqualTo(4));
        var did = await CliRun.RunAsync("keys", "did", "--keys", keys, "--seal-password", "s3cret");
        Assert.That(JsonNode.Parse(did.Output)!["verificationMethod"]!.AsArray().Select(m => (string?)m!["id"]), Has.Member(beforeVm));
    }

    [Test]
    public async Task KeysRotate_MomentInThePast_ExitsTwoNamingIt()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys, "--seal-password", "s3cret");

        var run = await CliRun.RunAsync("keys", "rotate", "--keys", keys, "--seal-password", "s3cret", "--at", "2020-01-01T00:00:00Z");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("lies in the past"));
        Assert.That(File.Exists(Path.Combine(keys, KeyHistory.FileName)), Is.False);
    }
}
