using System.Net;
using System.Security.Cryptography;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Storage;
using MicroCredentials.Keys;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Host.Infrastructure.Configuration;

internal static partial class ConfigurationCheck
{
    private const string BaseUrl = "Issuer:PublicBaseUrl";
    private const string Provider = "Issuer:StorageProvider";
    private const string Connection = "Issuer:ConnectionString";
    private const string Secret = "Issuer:DownloadLinkSecret";

    // Settings of IssuerOptions checked here by hand, with their own message (not the data annotation's).
    private static readonly HashSet<string> IssuerByHand = [nameof(IssuerOptions.PublicBaseUrl), nameof(IssuerOptions.StorageProvider), nameof(IssuerOptions.JwtAlgorithm)];

    private static async Task CheckIssuerAsync(IssuerOptions options, string environmentName, string contentRoot, List<ConfigurationProblem> problems,
        CancellationToken cancellationToken)
    {
        var baseUrlProblems = problems.Count;
        CheckBaseUrl(options.PublicBaseUrl, environmentName, problems);
        if (options.JwtAlgorithm is not ("RS256" or "ES256"))
        {
            problems.Add(new("Issuer:JwtAlgorithm", $"'{options.JwtAlgorithm}' is not a JWT algorithm we sign with.", "set Issuer:JwtAlgorithm to RS256 (the default) or ES256."));
        }

        Annotations(options, IssuerOptions.Section, IssuerByHand, problems);
        await CheckStorageAsync(options, problems, cancellationToken);
        await CheckCatalogueAsync(options, contentRoot, problems, cancellationToken);
        CheckKeys(options, contentRoot, problems.Count == baseUrlProblems ? options.PublicBaseUrl : null, problems);
        if (!string.IsNullOrWhiteSpace(options.TimeStampUrl))
        {
            try
            {
                new TimeStampClient(options.TimeStampUrl).Dispose();
            }
            catch (ArgumentException e)
            {
                problems.Add(new("Issuer:TimeStampUrl", e.Message.Split(" (Parameter")[0],
                    "set Issuer:TimeStampUrl to the https address of an RFC 3161 time-stamping authority, or remove it (seals without time-stamp)."));
            }
        }
    }

    private static void CheckBaseUrl(Uri url, string environmentName, List<ConfigurationProblem> problems)
    {
        const string Example = "https://credentials.example.edu";
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            problems.Add(new(BaseUrl, $"'{url}' is not an absolute http(s) address without query or fragment.", $"set {BaseUrl} to the public address of this host, such as {Example}."));
            return;
        }

        // Production with plain http only on this machine itself (zero configuration: http://localhost:5000).
        if (url.Scheme == "http" && string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase) && !IsLoopback(url))
        {
            problems.Add(new(BaseUrl, $"'{url}' is not https, and this host runs in production: verifiers, wallets and did:web need https.",
                $"set {BaseUrl} to the https address the university publishes (such as {Example}), or run with ASPNETCORE_ENVIRONMENT=Development to try it out."));
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static async Task CheckStorageAsync(IssuerOptions options, List<ConfigurationProblem> problems, CancellationToken cancellationToken)
    {
        if (options.StorageProvider is not ("Sqlite" or "Postgres"))
        {
            problems.Add(new(Provider, $"'{options.StorageProvider}' is not a storage provider.", $"set {Provider} to Sqlite (one file, the default) or Postgres."));
            return;
        }

        var postgres = options.StorageProvider == "Postgres";
        if (postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add(new(Connection, "is not set, and PostgreSQL needs one.", $"set {Connection} to Host=…;Database=…;Username=…;Password=…, or {Provider} to Sqlite."));
            return;
        }

        CheckSecret(options, postgres, problems);
        if (await StorageProbe.ProblemAsync(IssuerServices.Storage(options).Storage, cancellationToken) is { } problem)
        {
            problems.Add(new(Connection, problem, postgres
                ? $"check host, port, database, user name and password in {Connection}, and that the server accepts this machine (pg_hba.conf)."
                : $"point {Connection} at a writable folder (Data Source=/var/lib/microcredentials/microcredentials.db) or give this user write access."));
        }
    }

    private static void CheckSecret(IssuerOptions options, bool postgres, List<ConfigurationProblem> problems)
    {
        const string Generate = "generate one with 'openssl rand -base64 32'";
        if (options.DownloadLinkSecret is { } configured)
        {
            try
            {
                DownloadLinkSecret.Parse(configured, Secret);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(new(Secret, e.Message, $"{Generate} and set {Secret} to it (the same on every host)."));
            }
        }
        else if (postgres)
        {
            problems.Add(new(Secret, "is not set, and with PostgreSQL every host must derive the same download links.", $"{Generate} and set {Secret} to it on every host."));
        }
    }

    private static async Task CheckCatalogueAsync(IssuerOptions options, string contentRoot, List<ConfigurationProblem> problems, CancellationToken cancellationToken)
    {
        var path = IssuerServices.CataloguePath(options, contentRoot);
        const string Fix = "correct the file ('microcred catalog check <file>' lists every error) or point Issuer:CatalogPath at a valid catalogue.";
        try
        {
            var loaded = await IssuerServices.LoadCatalogueAsync(options, contentRoot, cancellationToken);
            if (!loaded.Succeeded)
            {
                problems.Add(new("Issuer:CatalogPath", $"the catalogue {path} is not valid: {string.Join("; ", loaded.Errors.Take(3))}{(loaded.Errors.Count > 3 ? $" (and {loaded.Errors.Count - 3} more)" : "")}.", Fix));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new("Issuer:CatalogPath", $"the catalogue {path} cannot be read: {e.Message}", Fix));
        }
    }

    // The keys are loaded exactly as start-up loads them (IssuerServices.LoadKeys), then let go.
    private static void CheckKeys(IssuerOptions options, string contentRoot, Uri? baseUrl, List<ConfigurationProblem> problems)
    {
        var folder = IssuerServices.KeysFolder(options, contentRoot);
        const string Generate = "run 'microcred keys generate --out keys/' and set Issuer:KeysPath to that folder";
        if (!Directory.Exists(folder))
        {
            problems.Add(new("Issuer:KeysPath", $"the key folder {folder} does not exist.", Generate + "."));
            return;
        }

        try
        {
            using var keys = IssuerServices.LoadKeys(folder, options, DidWeb.FromBaseUrl(baseUrl ?? new Uri("http://localhost")), []);
        }
        catch (KeyFileException e) when (Path.GetFileName(e.FilePath) == "seal.p12" && e.Problem.Contains("password", StringComparison.Ordinal))
        {
            problems.Add(new("Issuer:SealPassword", $"does not open {e.FilePath} (or that file is not a PKCS#12 file).",
                "set Issuer:SealPassword to the password 'microcred keys generate' printed for it (for the demo keys: demo)."));
        }
        catch (Exception e) when (e is KeyFileException or CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add(new("Issuer:KeysPath", e.Message.TrimEnd('.') + ".", Generate + ", or restore the missing file from the key backup."));
        }
    }
}
