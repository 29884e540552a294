using MicroCredentials.Data.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Data.Tests;

/// <summary>Every storage test runs against a real SQLite file and a real PostgreSQL server, each test on an empty database.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
public sealed partial class CredentialStoreTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? database;
    private CredentialStore? store;

    private FakeTimeProvider Time { get; set; } = new(Start);

    private TestDatabase Database => database ?? throw new InvalidOperationException("SetUp did not run.");

    private CredentialStore Store => store ?? throw new InvalidOperationException("SetUp did not run.");

    private static CancellationToken None => CancellationToken.None;

    [SetUp]
    public async Task OpenStore()
    {
        Time = new FakeTimeProvider(Start);
        database = await TestDatabase.CreateAsync(provider);
        store = await CredentialStore.OpenAsync(Database.Options(), Time, None);
    }

    [TearDown]
    public async Task CloseStore()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
            store = null;
        }

        if (database is not null)
        {
            await database.DisposeAsync();
            database = null;
        }
    }

    private async Task<IssuedCredentialRecord> NewRecordAsync(
        string? idempotencyKey = null, string? supersedes = null, long? learnerId = null, string? downloadToken = null)
    {
        var allocation = await Store.AllocateStatusAsync(None);
        var suffix = Guid.NewGuid().ToString("N");
        return new IssuedCredentialRecord
        {
            Id = $"urn:uuid:{Guid.NewGuid()}",
            Handle = $"h{suffix}",
            ShortCode = suffix[..10].ToUpperInvariant(),
            IdempotencyKey = idempotencyKey,
            LearnerId = learnerId,
            AchievementId = "https://credentials.univ.example.be/achievements/mc-data-science",
            CatalogueVersion = "2026.1",
            CredentialJson = $$"""{"id":"urn:uuid:{{suffix}}","type":["VerifiableCredential","OpenBadgeCredential"]}""",
            Jwt = "eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
            IssuedAt = Time.GetUtcNow(),
            AwardedAt = Start.AddDays(-3),
            Status = allocation,
            Supersedes = supersedes,
            DownloadToken = downloadToken,
            Actor = "api-key:registrar",
        };
    }

    private async Task<StoredCredential> IssueAsync(string? idempotencyKey = null)
    {
        var result = await Store.InsertIssuedAsync(await NewRecordAsync(idempotencyKey), None);
        Assert.That(result.Outcome, Is.EqualTo(StoreOutcome.Inserted));
        return result.Credential!;
    }
}
