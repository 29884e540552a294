namespace MicroCredentials.Data;

/// <summary>An OpenID4VCI credential offer as stored (its codes only as hashes).</summary>
/// <param name="Id">The offer id (in the <c>credential_offer_uri</c>).</param>
/// <param name="CredentialId">The credential it delivers.</param>
/// <param name="ExpiresAt">When the pre-authorized code stops working.</param>
/// <param name="IsRedeemed">Whether the pre-authorized code was exchanged for an access token.</param>
/// <param name="FailedAttempts">Wrong PINs sent for it so far (the offer locks at the host's limit).</param>
public sealed record WalletOffer(string Id, string CredentialId, DateTimeOffset ExpiresAt, bool IsRedeemed, int FailedAttempts);
