namespace MicroCredentials.Data;

/// <summary>What an API key may do.</summary>
public enum ApiKeyRole
{
    /// <summary>Issue credentials and read them.</summary>
    Issuer,

    /// <summary>Everything an issuer may do, plus revoke, suspend and manage keys.</summary>
    Administrator,
}
