namespace MicroCredentials.Host.Wallet;

/// <summary>OpenID4VCI 1.0 and OAuth wire names, our configuration ids and paths, kept in one place.</summary>
internal static class WalletTerms
{
    public const string PreAuthorizedGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    public const string ProofType = "openid4vci-proof+jwt";
    public const string SignedMetadataType = "openidvci-issuer-metadata+jwt";
    public const string OfferScheme = "openid-credential-offer://";

    public const string SdJwtConfiguration = "micro_credential_dc_sd_jwt";
    public const string LdpConfiguration = "micro_credential_ob3_ldp_vc";

    public const string TokenPath = "/wallet/token";
    public const string NoncePath = "/wallet/nonce";
    public const string CredentialPath = "/wallet/credential";
    public const string OffersPath = "/wallet/offers";

    // OAuth 2.0 (RFC 6749 §5.2) and OpenID4VCI 1.0 §6.3 / §8.3.1.2 error codes.
    public const string InvalidRequest = "invalid_request";
    public const string InvalidGrant = "invalid_grant";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidToken = "invalid_token";
    public const string InvalidCredentialRequest = "invalid_credential_request";
    public const string UnknownCredentialConfiguration = "unknown_credential_configuration";
    public const string InvalidProof = "invalid_proof";
    public const string InvalidNonce = "invalid_nonce";
}
