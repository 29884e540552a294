namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class BackupCommandTests
{
    [Test]
    public async Task BackupRestore_WithEncryptedPrivateKeys_RestoredFolderIssuesAndVerifies()
    {
        using var ws = new Workspace();
        var keys = Path.Combine(ws.Root, "keys");
        await CliRun.RunAsync("keys", "generate", "--out", keys, "--seal-password", "s3cret");
        var issue = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", Repo.Learners, "--out", ws.Out, .. ws.Storage(keys), "--seal-password", "s3cret"]);
        Assert.That(issue.ExitCode, Is.EqualTo(CliApp.Ok), issue.ToString());
        var backup = Path.Combine(ws.Root, "backup.zip");

        var made = await CliRun.RunAsync("backup", "--out", backup, "--db", ws.Db, "--keys", keys, "--include-private-keys", "--passphrase", "correct horse");

        Assert.That(made.ExitCode, Is.EqualTo(CliApp.Ok), made.ToString());
        Assert.That(made.Output, Does.Contain("6 credentials").And.Contain("keys.enc"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(backup))
        {
            Assert.That(zip.Entries.Select(e => e.FullName), Has.None.EndsWith("ed25519.pem").Or.EndsWith("es256.pem").Or.EndsWith("rs256.pem").Or.EndsWith(".p12"),
                "no private key file in clear: only inside keys.enc");
            Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain("keys/seal-cert.pem"));
        }

        var db = Path.Combine(ws.Root, "restored", "microcredentials.db");
        var restoredKeys = Path.Combine(ws.Root, "restored-keys");
        var wrong = await CliRun.RunAsync("restore", backup, "--db", db, "--keys", restoredKeys, "--passphrase", "wrong");
        Assert.That(wrong.ExitCode, Is.EqualTo(CliApp.BadInput), wrong.ToString());
        Assert.That(wrong.Output, Does.Contain("passphrase does not open"));
        Assert.That(File.Exists(db), Is.False, "a wrong passphrase writes nothing");

        var restore = await CliRun.RunAsync("restore", backup, "--db", db, "--keys", restoredKeys, "--passphrase", "correct horse");
        Assert.That(restore.ExitCode, Is.EqualTo(CliApp.Ok), restore.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(restoredKeys, "ed25519.pem")), Is.EqualTo(File.ReadAllBytes(Path.Combine(keys, "ed25519.pem"))));
        var verify = await CliRun.RunAsync(["verify", ws.CredentialJsonFiles()[0], "--db", db, "--keys", restoredKeys, "--seal-password", "s3cret"]);
        Assert.That(verify.ExitCode, Is.EqualTo(CliApp.Ok), verify.ToString());
        var again = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--learners", Repo.Learners, "--out", Path.Combine(ws.Root, "out2"),
            "--db", db, "--keys", restoredKeys, "--seal-password", "s3cret"]);
        Assert.That(again.Output, Does.Contain("already issued 6"), again.ToString());
    }

    [Test]
    public async Task Restore_OntoAnExistingDatabase_RefusedWithoutForceAndDoneWithIt()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(Repo.Learners);
        var backup = Path.Combine(ws.Root, "backup.zip");
        Assert.That((await CliRun.RunAsync("backup", "--out", backup, "--db", ws.Db)).ExitCode, Is.EqualTo(CliApp.Ok));

        var refused = await CliRun.RunAsync("restore", backup, "--db", ws.Db);
        Assert.That(refused.ExitCode, Is.EqualTo(CliApp.BadInput), refused.ToString());
        Assert.That(refused.Output, Does.Contain("Refusing to overwrite").And.Contain("--force"));

        var forced = await CliRun.RunAsync("restore", backup, "--db", ws.Db, "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(CliApp.Ok), forced.ToString());
    }

    [Test]
    public async Task Backup_ExistingOutFile_RefusedAndLeftAlone()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(Repo.Learners);
        var existing = ws.Write("backup.zip", "keep me");

        var run = await CliRun.RunAsync("backup", "--out", existing, "--db", ws.Db);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(File.ReadAllText(existing), Is.EqualTo("keep me"));
    }

    [Test]
    public async Task Restore_NotABackup_RefusedNamingIt()
    {
        using var ws = new Workspace();
        var file = ws.Write("notes.zip", "not a zip");

        var run = await CliRun.RunAsync("restore", file, "--db", Path.Combine(ws.Root, "x.db"));

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("not a backup"));
    }
}
