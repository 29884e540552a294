using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MicroCredentials.Data;
using Npgsql;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// Storage throughput: issuing one credential (status allocation + insert, each its own committed transaction), the
/// same with batch allocation, and revoking one. Disk flushes dominate: each commit is one fsync. SQLite always (a real file in a temp folder, WAL, synchronous=FULL); PostgreSQL too when
/// MICROCRED_BENCH_POSTGRES holds a connection string (a fresh schema is created and dropped).
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*StorageBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class StorageBenchmarks
{
    private const int Invocations = (2 + 10) * 50;
    private static readonly string CredentialJson = "{\"padding\":\"" + new string('x', 4000) + "\"}";
    private static readonly string Jwt = new('j', 5500);

    private readonly Queue<string> revocable = new();
    private CredentialStore? store;
    private string? folder;
    private string? schema;
    private int sequence;

    [ParamsSource(nameof(Providers))]
    public StorageProvider Provider { get; set; }

    public static IEnumerable<StorageProvider> Providers =>
        Environment.GetEnvironmentVariable("MICROCRED_BENCH_POSTGRES") is { Length: > 0 }
            ? [StorageProvider.Sqlite, StorageProvider.Postgres]
            : [StorageProvider.Sqlite];

    private CredentialStore Store => store ?? throw new InvalidOperationException("GlobalSetup did not run.");

    [GlobalSetup(Targets = [nameof(AllocateStatus), nameof(InsertIssued), nameof(IssueBatchOf10)])]
    public Task OpenAsync() => OpenStoreAsync();

    [GlobalSetup(Target = nameof(Revoke))]
    public async Task OpenWithCredentialsToRevokeAsync()
    {
        await OpenStoreAsync();
        for (var i = 0; i < Invocations + 50; i++)
        {
            revocable.Enqueue(await IssueOneAsync());
        }
    }

    [GlobalCleanup]
    public async Task CloseAsync()
    {
        await Store.DisposeAsync();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (schema is not null)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("MICROCRED_BENCH_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Benchmark(Description = "Allocate revocation + suspension index")]
    public Task<StatusAllocation> AllocateStatus() => Store.AllocateStatusAsync(CancellationToken.None);

    [Benchmark(Description = "Issue one credential (allocate + insert)")]
    public Task<string> InsertIssued() => IssueOneAsync();

    [Benchmark(Description = "Issue one of a batch of 10 (batch allocate + insert)", OperationsPerInvoke = 10)]
    public async Task IssueBatchOf10()
    {
        var allocations = await Store.AllocateStatusBatchAsync(10, CancellationToken.None);
        foreach (var allocation in allocations)
        {
            await InsertAsync(allocation);
        }
    }

    [Benchmark(Description = "Revoke one credential")]
    public Task<StatusChangeOutcome> Revoke() => Store.RevokeAsync(revocable.Dequeue(), "benchmark", "bench", CancellationToken.None);

    private async Task OpenStoreAsync()
    {
        string connectionString;
        if (Provider == StorageProvider.Sqlite)
        {
            folder = Directory.CreateTempSubdirectory("microcred-bench-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("MICROCRED_BENCH_POSTGRES")!;
            schema = $"bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        }

        store = await CredentialStore.OpenAsync(
            new StorageOptions { Provider = Provider, ConnectionString = connectionString }, TimeProvider.System, CancellationToken.None);
    }

    private async Task<string> IssueOneAsync() => await InsertAsync(await Store.AllocateStatusAsync(CancellationToken.None));

    private async Task<string> InsertAsync(StatusAllocation allocation)
    {
        var n = Interlocked.Increment(ref sequence);
        var record = new IssuedCredentialRecord
        {
            Id = $"urn:uuid:{Guid.NewGuid()}",
            Handle = $"h{Guid.NewGuid():N}",
            ShortCode = $"C{n:D9}",
            IdempotencyKey = $"bench-{Guid.NewGuid():N}",
            AchievementId = "https://credentials.univ.example.be/achievements/mc-data-science",
            CatalogueVersion = "2026.1",
            CredentialJson = CredentialJson,
            Jwt = Jwt,
            IssuedAt = TimeProvider.System.GetUtcNow(),
            Status = allocation,
            DownloadToken = Guid.NewGuid().ToString("N"),
            Actor = "bench",
        };
        var result = await Store.InsertIssuedAsync(record, CancellationToken.None);
        return result.Credential?.Id ?? throw new InvalidOperationException($"Insert failed: {result.Outcome}");
    }

    /// <summary>
    /// Fixed invocation counts (Revoke consumes pre-issued credentials), in process: the work is disk-bound, and the
    /// generated out-of-process project does not build within BenchmarkDotNet's timeout on a loaded 2-core machine.
    /// </summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(50)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
