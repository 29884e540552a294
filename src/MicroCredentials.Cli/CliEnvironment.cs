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

    /// <summary>
    /// Opens everything; prints a clear message and returns null on a configuration problem. The issuer identity is the
    /// database's: without <c>--base-url</c> the stored address is used, and keys or an address that differ from the
    /// stored identity (once credentials exist) are refused with what differs and what to do.
    /// </summary>
    public static async Task<CliEnvironment?> OpenAsync(ParseResult parse, CommonOptions options, CliContext context, CancellationToken ct)
    {
        var db = options.DatabaseFile(parse);
        context.Console.MarkupLineInterpolated($"[grey]database: {Describe(parse, options)}[/]");
        var store = await CredentialStore.OpenAsync(options.Storage(parse), context.Time, ct);
        var identities = await store.ListIssuerIdentitiesAsync(ct);
        var baseUrl = BaseUrl(parse, options, identities);
        IssuerKeySet keys;
        try
        {
            keys = LoadKeys(parse.GetValue(options.Keys)!, parse.GetValue(options.SealPassword), DidWeb.FromBaseUrl(baseUrl),
                [.. identities.Where(i => i.RetiredAt is not null).Select(i => i.IssuerId)]);
        }
        catch (Exception e) when (e is KeyFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            context.Console.MarkupLineInterpolated($"[red]error[/] keys: {e.Message}");
            await store.DisposeAsync();
            return null;
        }

        if (keys.IsDemo)
        {
            context.Console.MarkupLine("[black on yellow] WARNING [/] [yellow]Using the PUBLIC DEMO KEYS from keys.example/. Anything signed with them proves nothing. Run 'microcred keys generate --out keys/' and pass --keys keys/ --seal-password <the printed password> for real credentials.[/]");
        }

        var wanted = IssuerIdentity.FromKeys(keys, baseUrl);
        var claim = await store.ClaimIssuerIdentityAsync(wanted, "microcred " + Environment.UserName, ct);
        if (claim.Outcome == IssuerIdentityOutcome.Conflict)
        {
            var database = parse.GetValue(options.Postgres) is null ? $"--db {db}" : "--postgres <connection string>";
            context.Console.MarkupLineInterpolated($"[red]refused[/] {claim.Current.ExplainConflict(wanted, "--base-url", "--keys", database)}");
            keys.Dispose();
            await store.DisposeAsync();
            return null;
        }

        var secretPath = Path.Combine(Path.GetDirectoryName(db)!, "download-link.secret");
        var service = new IssuanceService(store, keys, context.Time,
            new IssuanceOptions { PublicBaseUrl = new Uri(claim.Current.PublicBaseUrl) }, DownloadLinkSecret.LoadOrCreate(secretPath));
        return new CliEnvironment(keys, store, service);
    }

    /// <summary>
    /// The public base address for commands that only read (verify): <c>--base-url</c> when typed, else the stored
    /// identity's when the database exists, else the default; with the issuer ids used before a domain move.
    /// </summary>
    public static async Task<(Uri BaseUrl, IReadOnlyList<string> EarlierIssuerIds)> StoredIdentityAsync(ParseResult parse, CommonOptions options,
        CliContext context, CancellationToken ct)
    {
        if (!options.HasDatabase(parse))
        {
            return (parse.GetValue(options.BaseUrl)!, []);
        }

        await using var store = await CredentialStore.OpenAsync(options.Storage(parse), context.Time, ct);
        var identities = await store.ListIssuerIdentitiesAsync(ct);
        return (BaseUrl(parse, options, identities), [.. identities.Where(i => i.RetiredAt is not null).Select(i => i.IssuerId)]);
    }

    private static Uri BaseUrl(ParseResult parse, CommonOptions options, IReadOnlyList<IssuerIdentity> identities) =>
        !options.BaseUrlGiven(parse) && identities.FirstOrDefault(i => i.RetiredAt is null) is { } current
            ? new Uri(current.PublicBaseUrl)
            : parse.GetValue(options.BaseUrl)!;

    private static string Describe(ParseResult parse, CommonOptions options) =>
        parse.GetValue(options.Postgres) is not null ? "PostgreSQL (--postgres)"
        : parse.GetResult(options.Database) is { Implicit: false } ? $"{options.DatabaseFile(parse)} (--db)"
        : $"{options.DatabaseFile(parse)} ({DataLocation.DefaultFolder().Rule})";

    /// <summary>
    /// Loads the key set from a folder with the standard file names. A relative folder that does not exist under the
    /// current folder is looked up at the repository root (so the default <c>keys.example</c> works from anywhere in a clone).
    /// </summary>
    public static IssuerKeySet LoadKeys(string folder, string? sealPassword, string issuerId, IList<string>? earlierIssuerIds = null)
    {
        if (!Path.IsPathRooted(folder) && !Directory.Exists(folder) && DataLocation.RepositoryRoot() is { } root
            && Directory.Exists(Path.Combine(root, folder)))
        {
            folder = Path.Combine(root, folder);
        }

        return Load(folder, sealPassword, issuerId, earlierIssuerIds ?? []);
    }

    private static IssuerKeySet Load(string folder, string? sealPassword, string issuerId, IList<string> earlierIssuerIds) => IssuerKeySet.Load(new IssuerKeyOptions
    {
        EarlierIssuerIds = earlierIssuerIds,
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
