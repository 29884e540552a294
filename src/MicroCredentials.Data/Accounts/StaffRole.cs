namespace MicroCredentials.Data;

/// <summary>A staff member's role in the staff app.</summary>
public enum StaffRole
{
    /// <summary>Issue, find, re-send.</summary>
    Issuer,

    /// <summary>Everything an issuer may do, plus revoke, suspend, re-issue, catalogue, accounts and API keys.</summary>
    Administrator,
}
