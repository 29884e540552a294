namespace MicroCredentials.Data;

/// <summary>The outcome of exchanging a pre-authorized code (and its transaction code) for an access token.</summary>
public enum WalletRedemption
{
    /// <summary>The code and PIN were right: the access token is now valid.</summary>
    Redeemed,

    /// <summary>No offer has this code.</summary>
    UnknownCode,

    /// <summary>The offer has expired.</summary>
    Expired,

    /// <summary>The code was already exchanged (offers are single use).</summary>
    AlreadyUsed,

    /// <summary>The transaction code (PIN) is wrong; attempts remain.</summary>
    WrongTxCode,

    /// <summary>Too many wrong transaction codes: the offer no longer works.</summary>
    Locked,
}
