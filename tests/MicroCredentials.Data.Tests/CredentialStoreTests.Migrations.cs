using MicroCredentials.Data.Tests.Infrastructure;

namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task OpenAsync_FreshDatabase_CreatesSchemaAtLatestVersion()
    {
        Assert.That(await Store.GetSchemaVersionAsync(None), Is.EqualTo(Storage.SchemaMigrations.All.Max(m => m.Version)));
        Assert.That(await Store.CountCredentialsAsync(None), Is.Zero);
        Assert.That(Store.Provider, Is.EqualTo(provider));
    }

    [Test]
    public async Task OpenAsync_Reopen_IsIdempotentAndKeepsData()
    {
        var issued = await IssueAsync();
        await Store.DisposeAsync();

        store = await CredentialStore.OpenAsync(Database.Options(), Time, None);

        Assert.That(await Store.GetSchemaVersionAsync(None), Is.EqualTo(Storage.SchemaMigrations.All.Max(m => m.Version)));
        Assert.That((await Store.FindByIdAsync(issued.Id, None))?.Handle, Is.EqualTo(issued.Handle));
    }

    [Test]
    public async Task OpenAsync_SeveralProcessesStartingAtOnce_AllSucceedOnOneSchema()
    {
        await using var fresh = await TestDatabase.CreateAsync(provider);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CredentialStore.OpenAsync(fresh.Options(), Time, None))));
        try
        {
            foreach (var opened in stores)
            {
                Assert.That(await opened.GetSchemaVersionAsync(None), Is.EqualTo(Storage.SchemaMigrations.All.Max(m => m.Version)));
            }
        }
        finally
        {
            foreach (var opened in stores)
            {
                await opened.DisposeAsync();
            }
        }
    }

    [Test]
    public void OpenAsync_StatusListSizeNotMultipleOfEight_Throws()
    {
        var options = Database.Options(statusListSize: 12);

        Assert.That(() => CredentialStore.OpenAsync(options, Time, None), Throws.InvalidOperationException.With.Message.Contains("StatusListSize"));
    }
}
