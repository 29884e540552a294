using MicroCredentials.Data;
using MicroCredentials.Host.Components;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>What a credential's staff page shows.</summary>
public sealed record CredentialPageModel
{
    /// <summary>The stored credential.</summary>
    public required StoredCredential Credential { get; init; }

    /// <summary>Its facts as the verification page shows them.</summary>
    public required CredentialView View { get; init; }

    /// <summary>Its micro-credential's title from the catalogue.</summary>
    public required string Title { get; init; }

    /// <summary>The public verification page.</summary>
    public required string VerificationUrl { get; init; }

    /// <summary>The graduate's download page (its PDFs are under it).</summary>
    public required string DownloadUrl { get; init; }

    /// <summary>Its audit entries, oldest first: issued, e-mailed, suspended, revoked, superseded… whatever was recorded.</summary>
    public required IReadOnlyList<AuditEntry> History { get; init; }

    /// <summary>The handle of the credential this one corrects, or null.</summary>
    public string? SupersedesHandle { get; init; }

    /// <summary>The handle of the credential that replaced this one, or null.</summary>
    public string? SupersededByHandle { get; init; }

    /// <summary>Whether the viewer may act (revoke, suspend, unsuspend, re-issue).</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>The action just done (the page says so), or null.</summary>
    public FindAction? Done { get; init; }
}
