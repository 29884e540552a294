using MicroCredentials.Catalog;
using MicroCredentials.Host.Catalogue;
using MicroCredentials.Data;
using MicroCredentials.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// <c>/healthz/live</c> (the process answers) and <c>/healthz/ready</c> (it can do its work): database reachable and
/// migrated, signing keys usable, catalogue valid, status lists signable, disk space. Each check is named in the answer;
/// one failing check makes the answer 503. <c>/healthz</c> stays as it was.
/// </summary>
internal static class HealthApi
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz/live", () => TypedResults.Ok(new HealthAnswer("live", [])))
            .WithName("Liveness").WithSummary("The process is up (no dependency checked).");
        app.MapGet("/healthz/ready", ReadyAsync)
            .WithName("Readiness").WithSummary("Database, keys, catalogue, status lists and disk space, each check named.");
    }

    private static async Task<Results<Ok<HealthAnswer>, JsonHttpResult<HealthAnswer>>> ReadyAsync(CredentialStore store, IssuerKeySet keys,
        IOptions<IssuerOptions> options, StatusListPublisher publisher, IWebHostEnvironment environment, IssuerIdentityState identity,
        IConfiguration configuration, CatalogueState catalogue, CancellationToken ct)
    {
        var minimumFree = (configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions()).MinimumFreeBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(HostLimits.HealthProbeTimeout);
        var sqlite = options.Value.StorageProvider != "Postgres"
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.Value.ConnectionString ?? $"Data Source={DataLocation.DefaultDatabasePath()}").DataSource
            : null;
        HealthCheck[] checks =
        [
            await RunAsync("database", () => DatabaseAsync(store, sqlite, timeout.Token)),
            await RunAsync("keys", () => Task.FromResult(Keys(keys, options.Value, environment.ContentRootPath, identity))),
            await RunAsync("catalogue", () => CatalogueAsync(catalogue, timeout.Token)),
            await RunAsync("status_lists", () => StatusListsAsync(store, publisher, timeout.Token)),
            await RunAsync("disk_space", () => Task.FromResult(Disk(sqlite is null ? environment.ContentRootPath : Path.GetDirectoryName(Path.GetFullPath(sqlite))!, minimumFree))),
        ];
        var answer = new HealthAnswer(checks.All(c => c.Status == "pass") ? "ready" : "not_ready", checks);
        return answer.Status == "ready" ? TypedResults.Ok(answer) : TypedResults.Json(answer, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<HealthCheck> RunAsync(string name, Func<Task<(bool Pass, string Detail)>> check)
    {
        try
        {
            var (pass, detail) = await check();
            return new HealthCheck(name, pass ? "pass" : "fail", detail);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A dependency that throws is a failed check, never a 500: the answer says which and why.
            return new HealthCheck(name, "fail", e.GetType().Name + ": " + e.Message);
        }
    }

    private static async Task<(bool, string)> DatabaseAsync(CredentialStore store, string? sqlitePath, CancellationToken ct)
    {
        // SQLite would quietly create an empty file where the database was: a missing file is a failure, not a new database.
        if (sqlitePath is not null && !File.Exists(sqlitePath))
        {
            return (false, $"the SQLite file {sqlitePath} is gone");
        }

        var version = await store.GetSchemaVersionAsync(ct);
        return version == CredentialStore.LatestSchemaVersion
            ? (true, $"reachable, schema version {version}")
            : (false, $"schema version {version}, this build needs {CredentialStore.LatestSchemaVersion}");
    }

    // The keys in use sign, and the key files (or module) still load through start-up's own code path.
    private static (bool, string) Keys(IssuerKeySet keys, IssuerOptions options, string contentRoot, IssuerIdentityState identity)
    {
        using (IssuerServices.LoadKeys(IssuerServices.KeysFolder(options, contentRoot), options, identity.Current.IssuerId, [.. identity.Earlier.Select(i => i.IssuerId)]))
        {
            // Loaded: only that it loads matters here.
        }

        var now = keys.SigningAt(TimeProvider.System.GetUtcNow());
        var probe = "readiness"u8;
        // The key may be in a hardware module: signing through it proves the module, token and login work.
        var signature = now.Ed25519Key.Sign(probe);
        var usable = PublicKey.TryImport(SignatureAlgorithm.Ed25519, now.Ed25519Key.PublicKey.Span, KeyBlobFormat.RawPublicKey, out var publicKey)
            && SignatureAlgorithm.Ed25519.Verify(publicKey!, probe, signature);
        var canSeal = SealKeys.CanSign(now.SealCertificate);
        var seal = now.SealCertificate is null ? "no seal" : canSeal ? $"seal valid until {now.SealCertificate.NotAfter:yyyy-MM-dd}" : "seal without private key";
        return (usable && (now.SealCertificate is null || canSeal), $"keys load; Ed25519 {now.Ed25519PublicKeyMultibase} signs; {seal}");
    }

    // The catalogue in the database (the file is only the first-start import): re-read, then checked like 'catalog check'.
    private static async Task<(bool, string)> CatalogueAsync(CatalogueState catalogue, CancellationToken ct)
    {
        await catalogue.ReloadAsync(ct);
        var errors = CatalogLoader.Validate(catalogue.Current);
        return errors.Count == 0
            ? (true, $"{catalogue.Current.MicroCredentials.Count} micro-credentials in the database, valid")
            : (false, string.Join("; ", errors.Take(3)));
    }

    private static async Task<(bool, string)> StatusListsAsync(CredentialStore store, StatusListPublisher publisher, CancellationToken ct)
    {
        var lists = await store.ListStatusListsAsync(ct);
        foreach (var list in lists.OrderByDescending(l => l.Id).Take(HostLimits.HealthStatusListsChecked))
        {
            if (await publisher.GetSignedAsync(list.Id, ct) is not { } signed)
            {
                return (false, $"status list {list.Id} cannot be signed");
            }

            // Fresh: what verifiers are served is the list as stored now (every revocation in it).
            if (await store.GetStatusListInfoAsync(list.Id, ct) is { } info && info.Version != signed.Version)
            {
                return (false, $"status list {list.Id} is served at version {signed.Version} while the database holds version {info.Version}");
            }
        }

        return (true, $"{lists.Count} lists; the newest {Math.Min(lists.Count, HostLimits.HealthStatusListsChecked)} signed and current");
    }

    private static (bool, string) Disk(string folder, long minimumFree)
    {
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(folder))!).AvailableFreeSpace;
        return (free >= minimumFree, $"{free / (1024 * 1024)} MiB free for {folder} (at least {minimumFree / (1024 * 1024)} MiB needed, Health:MinimumFreeBytes)");
    }
}
