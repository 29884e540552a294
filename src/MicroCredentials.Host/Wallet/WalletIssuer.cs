using MicroCredentials.Data.Issuance;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Wallet;

/// <summary>The credential issuer's addresses, derived from the public base URL.</summary>
internal sealed class WalletIssuer(IssuanceService issuance)
{
    /// <summary>The Credential Issuer Identifier (and OAuth issuer): the public base URL without a trailing slash.</summary>
    public string Identifier { get; } = issuance.Options.PublicBaseUrl.ToString().TrimEnd('/');

    /// <summary>Our SD-JWT VC type.</summary>
    public string Vct => Identifier + SdJwtVcTerms.VctPath;

    public string Url(string path) => Identifier + path;

    /// <summary>The Token Status List of a status list (same list, same indexes as the Bitstring Status List).</summary>
    public string TokenStatusListUrl(long listId) => issuance.Options.StatusListUrl(listId) + "/token";
}
