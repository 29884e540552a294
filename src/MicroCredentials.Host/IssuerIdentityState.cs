using MicroCredentials.Data;
using MicroCredentials.Keys;

namespace MicroCredentials.Host;

/// <summary>
/// The issuer identity this host runs as, read from the database at start (never re-derived), with the identities
/// used before a domain move (still trusted, their DID documents and status list addresses still served), and where
/// the database is.
/// </summary>
/// <param name="Current">The identity in use.</param>
/// <param name="Earlier">Identities before a domain move, newest first.</param>
/// <param name="Outcome">What start-up found (recorded, unchanged, replaced before the first credential).</param>
/// <param name="Database">Where the database is, for the start-up log (no password).</param>
internal sealed record IssuerIdentityState(IssuerIdentity Current, IReadOnlyList<IssuerIdentity> Earlier, IssuerIdentityOutcome Outcome, string Database)
{
    /// <summary>The current identity first, then the earlier ones.</summary>
    public IReadOnlyList<IssuerIdentity> All => [Current, .. Earlier];

    /// <summary>Every status list URL prefix we answer for (current and earlier addresses).</summary>
    public IReadOnlyList<string> StatusListPrefixes => [.. All.Select(i => i.StatusListPrefix).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The identity whose DID document a request for <paramref name="path"/> on <paramref name="host"/> asks for: among
    /// the identities whose did.json lives at that path, the one on that host (and port), else the current one, else
    /// the first; null when no identity has its DID document there.
    /// </summary>
    public IssuerIdentity? ForDidDocument(string host, string path)
    {
        var here = All.Where(i => DidWeb.ToDidDocumentUrl(i.IssuerId).AbsolutePath == path).ToList();
        return here.FirstOrDefault(i => string.Equals(DidWeb.ToDidDocumentUrl(i.IssuerId).Authority, host, StringComparison.OrdinalIgnoreCase))
            ?? here.FirstOrDefault(i => i == Current)
            ?? here.FirstOrDefault();
    }
}
