using System.CommandLine;
using MicroCredentials.Data;
using Spectre.Console;

namespace MicroCredentials.Cli;

/// <summary>The options every command that touches keys or storage shares, with zero-configuration defaults.</summary>
internal sealed class CommonOptions
{
    /// <summary>Environment variable holding the seal.p12 password, so it need not be typed on every command line.</summary>
    public const string SealPasswordVariable = "MICROCRED_SEAL_PASSWORD";

    public Option<string> Database { get; } = new("--db")
    {
        Description = "SQLite database file (created on first use). Default: the one the host uses — $MICROCRED_DATA/microcredentials.db, "
            + "else data/microcredentials.db at the repository root, else ~/.local/share/microcredentials/microcredentials.db.",
        DefaultValueFactory = _ => Data.DataLocation.DefaultDatabasePath(),
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string; when given, used instead of the SQLite file.",
    };

    public Option<string> Keys { get; } = new("--keys")
    {
        Description = "Folder with the issuer keys (ed25519.pem, es256.pem, rs256.pem, seal.p12). Default keys.example (DEMO keys).",
        DefaultValueFactory = _ => "keys.example",
    };

    public Option<string> SealPassword { get; } = new("--seal-password")
    {
        Description = "Password of seal.p12 (the one 'keys generate' printed). Default: $MICROCRED_SEAL_PASSWORD, else the demo seal's password.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SealPasswordVariable) is { Length: > 0 } password ? password : "demo",
    };

    public Option<Uri> BaseUrl { get; } = new("--base-url")
    {
        Description = "Public base URL of the verification host (QR codes, did:web, status lists). Default: the address stored in the database, "
            + "else http://localhost:5000. A different one is refused once credentials exist (see 'microcred identity move').",
        DefaultValueFactory = _ => new Uri("http://localhost:5000"),

        // System.CommandLine has no built-in Uri conversion: without this every --base-url value failed to parse.
        CustomParser = ParseBaseUrl,
    };

    /// <summary>Whether <c>--base-url</c> was typed (not the default).</summary>
    public bool BaseUrlGiven(ParseResult parse) => parse.GetResult(BaseUrl) is { Implicit: false };

    /// <summary>A new <c>--actor</c> option: who is recorded in the audit log (default: the operating-system user).</summary>
    public static Option<string> Actor() =>
        new("--actor") { Description = "Name recorded in the audit log.", DefaultValueFactory = _ => Environment.UserName };

    /// <summary>A new required <c>--catalog</c> option: the catalogue a credential is built from.</summary>
    public static Option<FileInfo> Catalog() => new("--catalog") { Description = "Catalogue JSON file.", Required = true };

    /// <summary>The storage <c>--postgres</c> names, else the SQLite file of <c>--db</c> (as a full path).</summary>
    public StorageOptions Storage(ParseResult parse)
    {
        var postgres = parse.GetValue(Postgres);
        return postgres is null
            ? new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={DatabaseFile(parse)}" }
            : new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgres };
    }

    /// <summary>The full path of the <c>--db</c> SQLite file (whether or not <c>--postgres</c> overrides it).</summary>
    public string DatabaseFile(ParseResult parse) => Path.GetFullPath(parse.GetValue(Database)!);

    /// <summary>Whether the command has a database to read: <c>--postgres</c>, or a <c>--db</c> file that exists.</summary>
    public bool HasDatabase(ParseResult parse) => parse.GetValue(Postgres) is not null || File.Exists(DatabaseFile(parse));

    /// <summary>Opens the store of <c>--db</c> or <c>--postgres</c> and says on the console which one it is.</summary>
    public async Task<CredentialStore> OpenStoreAsync(ParseResult parse, CliContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Console.MarkupLineInterpolated($"[grey]database: {(parse.GetValue(Postgres) is null ? DatabaseFile(parse) : "PostgreSQL (--postgres)")}[/]");
        return await CredentialStore.OpenAsync(Storage(parse), context.Time, ct);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Postgres);
        command.Options.Add(Keys);
        command.Options.Add(SealPassword);
        command.Options.Add(BaseUrl);
    }

    private static Uri ParseBaseUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        result.AddError($"--base-url must be an absolute http(s) URL such as https://credentials.example.org, not '{text}'.");
        return null!;
    }
}
