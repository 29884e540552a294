namespace MicroCredentials.Verification;

/// <summary>Outcome of one verification step.</summary>
public enum CheckOutcome
{
    /// <summary>The check passed.</summary>
    Pass,

    /// <summary>The check failed; the credential is not valid.</summary>
    Fail,

    /// <summary>The check could not be completed (e.g. a status list was unreachable).</summary>
    Warning,

    /// <summary>The check does not apply (e.g. no status entry, no JWT).</summary>
    Skipped,
}
