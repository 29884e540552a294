using System.Text.Json.Nodes;

namespace MicroCredentials.Cli.Tests;

/// <summary>
/// The CLI follows the issuer identity stored in the database: the stored address without <c>--base-url</c>, a refusal
/// (with what differs and what to do) for other keys or another address, and the explicit <c>identity move</c>.
/// </summary>
public sealed class IdentityCommandTests
{
    [Test]
    public async Task Issue_WithoutBaseUrl_UsesTheStoredAddress()
    {
        using var ws = new Workspace();
        var first = await ws.IssueAsync(ws.Write("one.csv", Row("An")), "--base-url", "https://credentials.example.be");
        Assert.That(first.ExitCode, Is.EqualTo(CliApp.Ok), first.ToString());

        var second = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", ws.Write("two.csv", Row("Bo")), "--out", Path.Combine(ws.Root, "out2"), .. ws.Storage()]);

        Assert.That(second.ExitCode, Is.EqualTo(CliApp.Ok), second.ToString());
        var credential = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(ws.Root, "out2"), "*.json").Single()))!;
        Assert.That((string?)credential["issuer"]!["id"], Is.EqualTo("did:web:credentials.example.be"));
        Assert.That((string?)credential["@context"]![3], Is.EqualTo("https://credentials.example.be/contexts/microcredential-v1.jsonld"));
    }

    [Test]
    public async Task Issue_OtherKeysThanTheDatabases_RefusesAndSaysWhichKeys()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(ws.Write("one.csv", Row("An")));
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys, "--seal-password", "s3cret");

        var run = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", ws.Write("two.csv", Row("Bo")), "--out", Path.Combine(ws.Root, "out2"),
            .. ws.Storage(keys), "--seal-password", "s3cret"]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("refused"));
        Assert.That(run.Output, Does.Contain("the database's credentials are signed with z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs"));
        Assert.That(run.Output, Does.Contain("Set --keys to the folder"));
        Assert.That(Directory.Exists(Path.Combine(ws.Root, "out2")) && Directory.GetFiles(Path.Combine(ws.Root, "out2"), "*.json").Length > 0, Is.False);
    }

    [Test]
    public async Task IdentityMove_ThenIssueAndVerify_NewAddressAndOldCredentialStillGenuine()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(ws.Write("one.csv", Row("An")), "--base-url", "https://old.example");
        var old = ws.CredentialJsonFiles().Single();

        var move = await CliRun.RunAsync("identity", "move", "--to", "https://new.example", "--db", ws.Db);
        var show = await CliRun.RunAsync("identity", "show", "--db", ws.Db);
        var verifyOld = await ws.VerifyAsync(old);

        Assert.That(move.ExitCode, Is.EqualTo(CliApp.Ok), move.ToString());
        Assert.That(move.Output, Does.Contain("moved did:web:old.example → did:web:new.example"));
        Assert.That(show.Output, Does.Contain("current did:web:new.example"));
        Assert.That(show.Output, Does.Contain("did:web:old.example"));
        Assert.That(verifyOld.Output, Does.Contain("valid").IgnoreCase, verifyOld.ToString());
        Assert.That(verifyOld.ExitCode, Is.EqualTo(CliApp.Ok), verifyOld.ToString());
    }

    [Test]
    public async Task IdentityMove_EmptyDatabase_SaysThereIsNothingToMove()
    {
        using var ws = new Workspace();

        var run = await CliRun.RunAsync("identity", "move", "--to", "https://new.example", "--db", ws.Db);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput));
        Assert.That(run.Output, Does.Contain("nothing to move"));
    }

    private static string Row(string first) =>
        $"email;name;code;awarded;grade;start;end\n{Guid.NewGuid():N}@example.be;{first} Identity;MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n";
}
