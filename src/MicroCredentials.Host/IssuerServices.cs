using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host;

/// <summary>
/// Registers the issuer: options (validated at start), keys, catalogue, storage, issuance, verification and
/// status lists. Misconfiguration stops start-up with one clear message.
/// </summary>
internal static class IssuerServices
{
    public static async Task AddIssuerAsync(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IssuerOptions>().BindConfiguration(IssuerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(IssuerOptions.Section).Get<IssuerOptions>() ?? new IssuerOptions();
        var root = builder.Environment.ContentRootPath;
        var time = TimeProvider.System;
        builder.Services.AddSingleton(time);

        var catalogPath = PathResolver.Resolve(options.CatalogPath, root);
        var loaded = await CatalogLoader.LoadFileAsync(catalogPath, CancellationToken.None);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException($"The catalogue {catalogPath} is not valid: {string.Join("; ", loaded.Errors)}");
        }

        var keysDir = PathResolver.Resolve(options.KeysPath, root);
        var issuerId = DidWeb.FromBaseUrl(options.PublicBaseUrl);
        var keys = IssuerKeySet.Load(new IssuerKeyOptions
        {
            Ed25519KeyPath = Path.Combine(keysDir, "ed25519.pem"),
            Es256KeyPath = Path.Combine(keysDir, "es256.pem"),
            Rs256KeyPath = Path.Combine(keysDir, "rs256.pem"),
            SealPkcs12Path = Path.Combine(keysDir, "seal.p12"),
            SealPassword = options.SealPassword,
        }, issuerId);

        var storage = options.StorageProvider == "Postgres"
            ? new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = options.ConnectionString ?? throw new InvalidOperationException("Issuer:ConnectionString is required with StorageProvider Postgres.") }
            : SqliteStorage(options, root);
        var store = await CredentialStore.OpenAsync(storage, time, CancellationToken.None);
        var secret = options.DownloadLinkSecret is { } configured
            ? DownloadLinkSecret.Parse(configured, "Issuer:DownloadLinkSecret")
            : storage.Provider == StorageProvider.Sqlite
                ? DownloadLinkSecret.LoadOrCreate(Path.Combine(Path.GetDirectoryName(SqlitePath(storage.ConnectionString))!, "download-link.secret"))
                : throw new InvalidOperationException("Issuer:DownloadLinkSecret is required with PostgreSQL, so that every host derives the same download links.");

        var issuance = new IssuanceService(store, keys, time,
            new IssuanceOptions { PublicBaseUrl = options.PublicBaseUrl, JwtAlgorithm = options.JwtAlgorithm, IncludeSuspensionStatus = options.IncludeSuspensionStatus,
                IncludeEmailHash = options.IncludeEmailHash }, secret);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(loaded.Catalog!);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(issuance);
        // Foreign status lists are fetched only from public https addresses (Core/Net/PublicHttp).
        builder.Services.AddSingleton(new StatusListClient(time));
        builder.Services.AddSingleton(sp => new StatusChecker(sp.GetRequiredService<StatusListClient>(), StatusListProof.Verifier(keys), time));
        builder.Services.AddSingleton(sp => new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver, sp.GetRequiredService<StatusChecker>(), time));
        builder.Services.AddSingleton<StatusListPublisher>();
        builder.Services.AddSingleton<StoredVerificationCache>();
        builder.Services.AddSingleton<CertificateService>();
    }

    private static StorageOptions SqliteStorage(IssuerOptions options, string root)
    {
        // Relative to where the host was started (the repository root for `dotnet run --project src/MicroCredentials.Host`).
        var connection = options.ConnectionString ?? $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "microcredentials.db")}";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SqlitePath(connection)))!);
        return new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = connection };
    }

    private static string SqlitePath(string connectionString) =>
        Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Logs the loud demo-key warning and creates the first API key when there is none.</summary>
    public static async Task AnnounceAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MicroCredentials");
        var keys = app.Services.GetRequiredService<IssuerKeySet>();
        if (keys.IsDemo)
        {
            log.LogWarning("*** USING THE PUBLIC DEMO KEYS FROM keys.example/ ({Keys}). Anything signed with them proves nothing. " +
                           "Generate real keys with 'microcred keys generate --out keys/' and set Issuer:KeysPath. ***", string.Join(", ", keys.DemoKeys));
        }

        var store = app.Services.GetRequiredService<CredentialStore>();
        if ((await store.ListApiKeysAsync(CancellationToken.None)).Count == 0)
        {
            var created = await store.CreateApiKeyAsync("bootstrap", ApiKeyRole.Administrator, "host start-up", CancellationToken.None);
            log.LogWarning("No API key existed: created API key 'bootstrap' (shown once): {ApiKey}", created.PlainKey);
        }

        var options = app.Services.GetRequiredService<IOptions<IssuerOptions>>().Value;
        log.LogInformation("Issuer {Issuer} — verification pages at {BaseUrl}v/<handle>", keys.IssuerId, options.PublicBaseUrl.ToString().TrimEnd('/') + "/");
    }
}
