namespace MicroCredentials.Host;

/// <summary>Bounds of the OpenID4VCI issuer (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>How long a credential offer (its pre-authorized code and PIN) works: long enough to open a wallet and scan.</summary>
    public static readonly TimeSpan WalletOfferLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Wrong PINs allowed per offer before it locks: a 6-digit PIN then gives a guesser 5 in a million.</summary>
    public const int WalletTxCodeMaxAttempts = 5;

    /// <summary>How long an access token works: the wallet fetches a nonce and the credentials right after the token.</summary>
    public static readonly TimeSpan WalletAccessTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long a nonce works: a wallet signs its proof right after fetching it.</summary>
    public static readonly TimeSpan WalletNonceLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How old a key proof's <c>iat</c> may be (the nonce already bounds it; this also refuses proofs dated in the past).</summary>
    public static readonly TimeSpan WalletProofMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Most key proofs (credentials) in one batch request; advertised as the metadata's <c>batch_size</c>.</summary>
    public const int WalletBatchSize = 10;

    /// <summary>Largest key proof JWT read, in characters: a proof with a JWK header is under 1 KB.</summary>
    public const int WalletProofMaxLength = 8 * 1024;

    /// <summary>Largest credential or token request body read, in bytes: ten proofs fit in well under 64 KiB.</summary>
    public const int WalletRequestMaxBytes = 64 * 1024;

    /// <summary>Largest pre-authorized code, transaction code or access token read, in characters (ours are 43 or 6).</summary>
    public const int WalletCodeMaxLength = 128;
}
