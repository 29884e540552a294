namespace MicroCredentials.Data;

/// <summary>Why an API key was accepted or not.</summary>
public enum ApiKeyVerificationOutcome
{
    /// <summary>The key exists, matches and is not revoked.</summary>
    Valid,

    /// <summary>The text is not in the <c>mck_{id}_{secret}</c> form.</summary>
    Malformed,

    /// <summary>No key has this id, or the secret does not match.</summary>
    Unknown,

    /// <summary>The key matches but was revoked.</summary>
    Revoked,
}
