using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Data.Tests;

/// <summary>The shared-cache in-memory SQLite mode that host tests use (no file, gone when the store is disposed).</summary>
public sealed class SqliteInMemoryTests
{
    private static StorageOptions InMemory(string name) => new()
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = $"Data Source={name};Mode=Memory;Cache=Shared",
    };

    [Test]
    public async Task OpenAsync_SharedInMemory_IssuesRevokesAndAllocatesInParallel()
    {
        var name = $"mc-{Guid.NewGuid():N}";
        await using var store = await CredentialStore.OpenAsync(InMemory(name), new FakeTimeProvider(), CancellationToken.None);

        var allocations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<StatusAllocation>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add(await store.AllocateStatusAsync(CancellationToken.None));
            }

            return mine;
        })));
        var record = new IssuedCredentialRecord
        {
            Id = "urn:uuid:0198c3a0-0000-7000-8000-000000000001",
            Handle = "handle",
            ShortCode = "SHORT",
            AchievementId = "https://example.be/a",
            CredentialJson = "{}",
            IssuedAt = DateTimeOffset.UnixEpoch,
            Status = allocations[0][0],
            Actor = "test",
        };

        Assert.That(allocations.SelectMany(a => a).Select(a => a.Revocation).Distinct().Count(), Is.EqualTo(100));
        Assert.That((await store.InsertIssuedAsync(record, CancellationToken.None)).Outcome, Is.EqualTo(StoreOutcome.Inserted));
        Assert.That(await store.RevokeAsync(record.Id, "test", "test", CancellationToken.None), Is.EqualTo(StatusChangeOutcome.Changed));
    }

    [Test]
    public async Task DisposeAsync_SharedInMemory_DatabaseIsGone()
    {
        var name = $"mc-{Guid.NewGuid():N}";
        await using (var first = await CredentialStore.OpenAsync(InMemory(name), new FakeTimeProvider(), CancellationToken.None))
        {
            await first.CreateApiKeyAsync("k", ApiKeyRole.Issuer, "test", CancellationToken.None);
        }

        await using var second = await CredentialStore.OpenAsync(InMemory(name), new FakeTimeProvider(), CancellationToken.None);

        Assert.That(await second.ListApiKeysAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public void OpenAsync_PrivateMemoryDatabase_ThrowsWithTheSharedCacheHint()
    {
        var options = new StorageOptions { ConnectionString = "Data Source=:memory:" };

        Assert.That(
            () => CredentialStore.OpenAsync(options, new FakeTimeProvider(), CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("Cache=Shared"));
    }
}
