namespace MicroCredentials;

/// <summary>The bounds that protect the credential verifier (STYLE 17): parsing, proof sets and time per verification.</summary>
public static partial class CoreLimits
{
    /// <summary>The largest credential JSON read (UTF-8 bytes): a credential is about 10 KB, so 1 MiB is generous.</summary>
    public const int MaxCredentialJsonBytes = 1024 * 1024;

    /// <summary>The deepest nesting of arrays and objects read: a credential nests about 6 deep; also System.Text.Json's default.</summary>
    public const int MaxCredentialJsonDepth = 64;

    /// <summary>The most proofs checked on one credential: each costs a canonicalisation; a credential carries one.</summary>
    public const int MaxProofsPerCredential = 8;

    /// <summary>The default wall-clock budget of one verification; past it the answer is "unreadable: took too long".</summary>
    public static readonly TimeSpan VerificationBudget = TimeSpan.FromSeconds(2);
}
