using System.Text.RegularExpressions;
using MicroCredentials.Cli.Commands;
using MicroCredentials.Data;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Cli.Tests;

/// <summary><c>microcred apikeys create|list|revoke</c> on a real SQLite database: the key is printed once, works, is listed without its secret, and is revoked.</summary>
public sealed class ApikeysCommandTests
{
    [Test]
    public async Task CreateListRevoke_OnTheDatabase()
    {
        using var ws = new Workspace();
        var created = await CliRun.RunAsync("apikeys", "create", "--name", "ERP link", "--role", "administrator", "--actor", "tester", "--db", ws.Db);
        Assert.That(created.ExitCode, Is.EqualTo(CliApp.Ok), created.ToString());
        var key = Regex.Match(created.Output, @"mck_\d+_[A-Za-z0-9_-]{43}").Value;
        Assert.That(key, Is.Not.Empty, created.Output);

        await using (var store = await CredentialStore.OpenAsync(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={ws.Db}" },
            new FakeTimeProvider(), CancellationToken.None))
        {
            var verification = await store.VerifyApiKeyAsync(key, CancellationToken.None);
            Assert.That(verification.IsValid && verification.Key!.Role == ApiKeyRole.Administrator, Is.True);
            var audit = await store.FilterAuditAsync(new AuditQuery { Action = AuditAction.ApiKeyCreate }, 0, 5, CancellationToken.None);
            Assert.That(audit.Single().Actor, Is.EqualTo("cli:tester"));
        }

        var list = await CliRun.RunAsync("apikeys", "list", "--db", ws.Db);
        Assert.That(list.Output, Does.Contain("ERP link").And.Contain("Administrator").And.Contain("active").And.Not.Contain(key));

        var id = Regex.Match(key, @"mck_(\d+)_").Groups[1].Value;
        var revoked = await CliRun.RunAsync("apikeys", "revoke", id, "--db", ws.Db);
        Assert.That(revoked.ExitCode, Is.EqualTo(CliApp.Ok), revoked.ToString());
        Assert.That((await CliRun.RunAsync("apikeys", "list", "--db", ws.Db)).Output, Does.Contain("revoked"));
        var again = await CliRun.RunAsync("apikeys", "revoke", id, "--db", ws.Db);
        Assert.That(again.ExitCode, Is.EqualTo(CliApp.BadInput));
    }

    [TestCase("--role", "root", TestName = "Create_BadInput_Refused(unknown role)")]
    [TestCase("--name", "", TestName = "Create_BadInput_Refused(empty name)")]
    public async Task Create_BadInput_Refused(string option, string value)
    {
        using var ws = new Workspace();
        string[] args = option == "--role" ? ["apikeys", "create", "--name", "x", "--role", value, "--db", ws.Db] : ["apikeys", "create", "--name", value, "--db", ws.Db];
        var run = await CliRun.RunAsync(args);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
    }

    [Test]
    public async Task Create_NameOnePastTheBound_Refused()
    {
        using var ws = new Workspace();
        var run = await CliRun.RunAsync("apikeys", "create", "--name", new string('k', ApikeysCommand.MaxNameLength + 1), "--db", ws.Db);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        var ok = await CliRun.RunAsync("apikeys", "create", "--name", new string('k', ApikeysCommand.MaxNameLength), "--db", ws.Db);
        Assert.That(ok.ExitCode, Is.EqualTo(CliApp.Ok), ok.ToString());
    }
}
