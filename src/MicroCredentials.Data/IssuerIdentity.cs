namespace MicroCredentials.Data;

/// <summary>
/// One issuer identity as stored with the data: the did:web issuer id, the public base address it was derived from,
/// the addresses that address implies (our JSON-LD context, status lists, verification links) and the public keys
/// signing under it. Set once, when first used, and never re-derived from configuration (DESIGN §4).
/// </summary>
public sealed record IssuerIdentity
{
    /// <summary>The issuer id (<c>did:web:…</c>).</summary>
    public required string IssuerId { get; init; }

    /// <summary>The public base address, without a trailing slash (<c>https://credentials.example.be</c>).</summary>
    public required string PublicBaseUrl { get; init; }

    /// <summary>Our micro-credential JSON-LD context URL under <see cref="PublicBaseUrl"/>.</summary>
    public required string ContextUrl { get; init; }

    /// <summary>The Ed25519 Data Integrity key (Multikey <c>z6Mk…</c>).</summary>
    public required string Ed25519Key { get; init; }

    /// <summary>The ES256 JWT key (RFC 7638 thumbprint).</summary>
    public required string Es256Key { get; init; }

    /// <summary>The RS256 JWT key (RFC 7638 thumbprint).</summary>
    public required string Rs256Key { get; init; }

    /// <summary>When it was first recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a domain move replaced it; null for the identity in use.</summary>
    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>The status list URL prefix: <c>&lt;base&gt;/status/</c>.</summary>
    public string StatusListPrefix => PublicBaseUrl + "/status/";

    /// <summary>
    /// What differs between this (stored) identity and <paramref name="configured"/>, each as one readable line; empty
    /// when they are the same identity.
    /// </summary>
    public IReadOnlyList<string> Differences(IssuerIdentity configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        List<string> found = [];
        if (!string.Equals(PublicBaseUrl, configured.PublicBaseUrl, StringComparison.Ordinal))
        {
            found.Add($"the public address is {configured.PublicBaseUrl}, the database's issuer uses {PublicBaseUrl} ({IssuerId})");
        }

        if (!string.Equals(Ed25519Key, configured.Ed25519Key, StringComparison.Ordinal))
        {
            found.Add($"the Ed25519 key is {configured.Ed25519Key}, the database's credentials are signed with {Ed25519Key}");
        }

        if (!string.Equals(Es256Key, configured.Es256Key, StringComparison.Ordinal) || !string.Equals(Rs256Key, configured.Rs256Key, StringComparison.Ordinal))
        {
            found.Add($"the JWT keys are ES256 {configured.Es256Key} / RS256 {configured.Rs256Key}, the database's are ES256 {Es256Key} / RS256 {Rs256Key}");
        }

        return found;
    }

    /// <summary>The identity a key set and a public base address give (what configuration asks for).</summary>
    public static IssuerIdentity FromKeys(MicroCredentials.Keys.IssuerKeySet keys, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var baseUrl = NormalizeBaseUrl(publicBaseUrl);
        return new IssuerIdentity
        {
            IssuerId = keys.IssuerId,
            PublicBaseUrl = baseUrl,
            ContextUrl = MicroCredentials.JsonLd.ContextUrls.MicroCredentialV1At(baseUrl),
            // The first generation's keys: a key rotation keeps the identity (the history links the generations).
            Ed25519Key = keys.OriginalKeys.Ed25519,
            Es256Key = keys.OriginalKeys.Es256,
            Rs256Key = keys.OriginalKeys.Rs256,
        };
    }

    /// <summary>
    /// The message for a conflict between this (stored) identity and <paramref name="configured"/>: what differs and
    /// exactly what to do, naming the settings of the program that reads it.
    /// </summary>
    /// <param name="configured">The identity configuration asks for.</param>
    /// <param name="baseUrlSetting">How the public address is set (<c>Issuer:PublicBaseUrl</c>, <c>--base-url</c>).</param>
    /// <param name="keysSetting">How the key folder is set (<c>Issuer:KeysPath</c>, <c>--keys</c>).</param>
    /// <param name="database">Which database (for the move command).</param>
    public string ExplainConflict(IssuerIdentity configured, string baseUrlSetting, string keysSetting, string database)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var lines = new List<string>
        {
            $"This database's credentials were issued as {IssuerId} ({PublicBaseUrl}), but {string.Join("; and ", Differences(configured))}. Nothing was changed.",
        };
        if (PublicBaseUrl != configured.PublicBaseUrl)
        {
            lines.Add($"- If {PublicBaseUrl} is still the public address: set {baseUrlSetting} to {PublicBaseUrl}.");
            lines.Add($"- To move to {configured.PublicBaseUrl} on purpose (earlier credentials keep verifying; the old identity stays published): " +
                      $"run 'microcred identity move --to {configured.PublicBaseUrl} {database}', then start again.");
        }

        if (Ed25519Key != configured.Ed25519Key || Es256Key != configured.Es256Key || Rs256Key != configured.Rs256Key)
        {
            lines.Add($"- Set {keysSetting} to the folder with the keys this database's credentials were signed with (Ed25519 {Ed25519Key}).");
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The base address without a trailing slash, as stored.</summary>
    public static string NormalizeBaseUrl(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return publicBaseUrl.ToString().TrimEnd('/');
    }
}
