using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Catalogue;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Infrastructure.Telemetry;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.AspNetCore.Hosting;
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

        var catalogPath = CataloguePath(options, root);
        var keysDir = KeysFolder(options, root);
        var (storage, database) = Storage(options);
        var store = await CredentialStore.OpenAsync(storage, time, CancellationToken.None);
        // The catalogue lives in the database; the file is imported once, on the first start of an empty database.
        CatalogueState catalogue;
        try
        {
            (catalogue, _) = await CatalogueState.OpenAsync(store, catalogPath, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            await store.DisposeAsync();
            throw;
        }

        // The issuer identity is the database's, not the configuration's: configuration is only compared with it.
        var keys = LoadKeys(keysDir, options, DidWeb.FromBaseUrl(options.PublicBaseUrl), []);
        var wanted = IssuerIdentity.FromKeys(keys, options.PublicBaseUrl);
        var claim = await store.ClaimIssuerIdentityAsync(wanted, "host start-up", CancellationToken.None);
        if (claim.Outcome == IssuerIdentityOutcome.Conflict)
        {
            keys.Dispose();
            await store.DisposeAsync();
            throw new InvalidOperationException(claim.Current.ExplainConflict(wanted,
                "Issuer:PublicBaseUrl", "Issuer:KeysPath", storage.Provider == StorageProvider.Sqlite ? $"--db {SqlitePath(storage.ConnectionString)}" : "--postgres <connection string>"));
        }

        if (claim.Earlier.Count > 0)
        {
            keys.Dispose();
            keys = LoadKeys(keysDir, options, claim.Current.IssuerId, [.. claim.Earlier.Select(i => i.IssuerId)]);
        }

        builder.Services.AddSingleton(new IssuerIdentityState(claim.Current, claim.Earlier, claim.Outcome, database));
        var secret = options.DownloadLinkSecret is { } configured
            ? DownloadLinkSecret.Parse(configured, "Issuer:DownloadLinkSecret")
            : storage.Provider == StorageProvider.Sqlite
                ? DownloadLinkSecret.LoadOrCreate(Path.Combine(Path.GetDirectoryName(SqlitePath(storage.ConnectionString))!, "download-link.secret"))
                : throw new InvalidOperationException("Issuer:DownloadLinkSecret is required with PostgreSQL, so that every host derives the same download links.");

        var issuance = new IssuanceService(store, keys, time,
            new IssuanceOptions { PublicBaseUrl = new Uri(claim.Current.PublicBaseUrl), JwtAlgorithm = options.JwtAlgorithm, IncludeSuspensionStatus = options.IncludeSuspensionStatus,
                IncludeEmailHash = options.IncludeEmailHash,
                ActivitySource = ProductTelemetry.ActivitySource, Issued = achievement => ProductTelemetry.CredentialIssued(TelemetryTags.StoredFormat, achievement) }, secret);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddTransient(sp => sp.GetRequiredService<CatalogueState>().Current); // the catalogue in force, per use
        builder.Services.AddHostedService<CatalogueRefresher>();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(issuance);
        // Foreign status lists are fetched only from public https addresses (Core/Net/PublicHttp).
        builder.Services.AddSingleton(new StatusListClient(time, new StatusListClientOptions { Fetched = ProductTelemetry.RemoteStatusListFetched }));
        builder.Services.AddSingleton(sp => new StatusChecker(sp.GetRequiredService<StatusListClient>(), StatusListProof.Verifier(keys), time));
        builder.Services.AddSingleton(sp => new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver, sp.GetRequiredService<StatusChecker>(), time,
            new CredentialVerifierOptions { KeyValidity = keys.KeyValidity }));
        builder.Services.AddSingleton<StatusListPublisher>();
        builder.Services.AddSingleton<StoredVerificationCache>();
        builder.Services.AddSingleton<CertificateService>();
        // The administrator's "Rotate keys" (/staff/admin/keys): the CLI's rotation, then the running keys reload.
        builder.Services.AddSingleton(new StaffKeyRotation(keys, keysDir, options, time));
        // PAdES B-T: the seal's time-stamping authority, fetched by the same SSRF rules as status lists (Core/Net/PublicHttp).
        builder.Services.AddSealTimeStamps(options.TimeStampUrl);
    }

    /// <summary>The catalogue file: imported into an empty database at first start (the configuration check reads it through <see cref="LoadCatalogueAsync"/>).</summary>
    internal static string CataloguePath(IssuerOptions options, string contentRoot) => PathResolver.Resolve(options.CatalogPath, contentRoot);

    /// <summary>Loads and validates the catalogue the host issues from: start-up, the configuration check and readiness all call this.</summary>
    internal static Task<CatalogLoadResult> LoadCatalogueAsync(IssuerOptions options, string contentRoot, CancellationToken cancellationToken) =>
        CatalogLoader.LoadFileAsync(CataloguePath(options, contentRoot), cancellationToken);

    /// <summary>The folder of the issuer keys.</summary>
    internal static string KeysFolder(IssuerOptions options, string contentRoot) => PathResolver.Resolve(options.KeysPath, contentRoot);

    /// <summary>The storage the options name, and how start-up describes it.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL without a connection string.</exception>
    internal static (StorageOptions Storage, string Description) Storage(IssuerOptions options) => options.StorageProvider == "Postgres"
        ? (new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = options.ConnectionString ?? throw new InvalidOperationException("Issuer:ConnectionString is required with StorageProvider Postgres.") },
            "PostgreSQL")
        : SqliteStorage(options);

    /// <summary>Loads the issuer keys: start-up, the configuration check and readiness ("keys loadable") all call this.</summary>
    /// <exception cref="KeyFileException">A key file is missing, unreadable, or its password is wrong.</exception>
    internal static IssuerKeySet LoadKeys(string keysDir, IssuerOptions options, string issuerId, IList<string> earlierIssuerIds) =>
        IssuerKeySet.Load(new IssuerKeyOptions
        {
            Ed25519KeyPath = Path.Combine(keysDir, "ed25519.pem"),
            Es256KeyPath = Path.Combine(keysDir, "es256.pem"),
            Rs256KeyPath = Path.Combine(keysDir, "rs256.pem"),
            SealPkcs12Path = Path.Combine(keysDir, "seal.p12"),
            SealPassword = options.SealPassword,
            EarlierIssuerIds = earlierIssuerIds,
            // With a hardware module the key folder holds only the history (public keys and module labels).
            Pkcs11 = options.Pkcs11,
            KeyHistoryPath = options.Pkcs11 is { IsConfigured: true } ? Path.Combine(keysDir, KeyHistory.FileName) : null,
        }, issuerId, time: TimeProvider.System);

    // Without a connection string: the one default location the CLI uses too (DataLocation), whatever folder started us.
    private static (StorageOptions Storage, string Description) SqliteStorage(IssuerOptions options)
    {
        var (connection, rule) = options.ConnectionString is { } configured
            ? (configured, "from Issuer:ConnectionString")
            : ($"Data Source={DataLocation.DefaultDatabasePath()}", DataLocation.DefaultFolder().Rule);
        return (new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = connection }, $"SQLite {SqlitePath(connection)} ({rule})");
    }

    private static string SqlitePath(string connectionString) =>
        Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Logs the loud demo-key warning, the database and the issuer identity.</summary>
    public static async Task AnnounceAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MicroCredentials");
        var keys = app.Services.GetRequiredService<IssuerKeySet>();
        if (keys.IsDemo)
        {
            log.LogWarning("*** USING THE PUBLIC DEMO KEYS FROM keys.example/ ({Keys}). Anything signed with them proves nothing. " +
                           "Generate real keys with 'microcred keys generate --out keys/' and set Issuer:KeysPath. ***", string.Join(", ", keys.DemoKeys));
        }

        // No bootstrap API key any more: a start with no staff account logs a one-time setup link instead (Staff/StaffSetupLink).
        var options = app.Services.GetRequiredService<IOptions<IssuerOptions>>().Value;
        var identity = app.Services.GetRequiredService<IssuerIdentityState>();
        log.LogInformation("Database: {Database}", identity.Database);
        log.LogInformation("Issuer {Issuer} ({Outcome}) — verification pages at {BaseUrl}/v/<handle>; earlier identities still trusted: {Earlier}",
            identity.Current.IssuerId, identity.Outcome, identity.Current.PublicBaseUrl,
            identity.Earlier.Count == 0 ? "none" : string.Join(", ", identity.Earlier.Select(i => i.IssuerId)));
        if (identity.Outcome == IssuerIdentityOutcome.Replaced)
        {
            log.LogWarning("The public address changed to {BaseUrl} before any credential was issued: the issuer is now {Issuer}.",
                identity.Current.PublicBaseUrl, identity.Current.IssuerId);
        }

        if (ListenAddressCheck.Warning(new Uri(identity.Current.PublicBaseUrl), app.Configuration[WebHostDefaults.ServerUrlsKey]) is { } mismatch)
        {
            log.LogWarning("{Mismatch}", mismatch);
        }
    }
}
