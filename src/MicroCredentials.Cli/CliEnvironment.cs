using System.CommandLine;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Keys;
using Spectre.Console;

namespace MicroCredentials.Cli;

/// <summary>Keys, storage and the issuance service for one command run, built from <see cref="CommonOptions"/>.</summary>
internal sealed class CliEnvironment : IAsyncDisposable
{
    private CliEnvironment(IssuerKeySet keys, CredentialStore store, IssuanceService issuance)
    {
        Keys = keys;
        Store = store;
        Issuance = issuance;
    }

    public IssuerKeySet Keys { get; }

    public CredentialStore Store { get; }

    public IssuanceService Issuance { get; }

    /// <summary>Opens everything; prints a clear message and returns null on a configuration problem.</summary>
    public static async Task<CliEnvironment?> OpenAsync(ParseResult parse, CommonOptions options, CliContext context, CancellationToken ct)
    {
        var baseUrl = parse.GetValue(options.BaseUrl)!;
        var keysDir = parse.GetValue(options.Keys)!;
        IssuerKeySet keys;
        try
        {
            keys = LoadKeys(keysDir, parse.GetValue(options.SealPassword), DidWeb.FromBaseUrl(baseUrl));
        }
        catch (Exception e) when (e is KeyFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            context.Console.MarkupLineInterpolated($"[red]error[/] keys: {e.Message}");
            return null;
        }

        if (keys.IsDemo)
        {
            context.Console.MarkupLine("[black on yellow] WARNING [/] [yellow]Using the PUBLIC DEMO KEYS from keys.example/. Anything signed with them proves nothing. Run 'microcred keys generate --out keys/' and pass --keys keys/ --seal-password <the printed password> for real credentials.[/]");
        }

        var postgres = parse.GetValue(options.Postgres);
        var db = parse.GetValue(options.Database)!;
        var storage = postgres is null
            ? new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={db}" }
            : new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgres };
        if (postgres is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        }

        var store = await CredentialStore.OpenAsync(storage, context.Time, ct);
        var secretPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "download-link.secret");
        var service = new IssuanceService(store, keys, context.Time,
            new IssuanceOptions { PublicBaseUrl = baseUrl }, DownloadLinkSecret.LoadOrCreate(secretPath));
        return new CliEnvironment(keys, store, service);
    }

    /// <summary>Loads the key set from a folder with the standard file names.</summary>
    public static IssuerKeySet LoadKeys(string folder, string? sealPassword, string issuerId) => IssuerKeySet.Load(new IssuerKeyOptions
    {
        Ed25519KeyPath = Path.Combine(folder, "ed25519.pem"),
        Es256KeyPath = Path.Combine(folder, "es256.pem"),
        Rs256KeyPath = Path.Combine(folder, "rs256.pem"),
        SealPkcs12Path = Path.Combine(folder, "seal.p12"),
        SealPassword = sealPassword,
    }, issuerId);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Keys.Dispose();
    }
}
