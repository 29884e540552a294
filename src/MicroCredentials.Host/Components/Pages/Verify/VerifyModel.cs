using MicroCredentials.Data;
using MicroCredentials.Verification;

namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>What the verification page shows: the report, the credential read for the page, and what we hold about it.</summary>
public sealed record VerifyModel
{
    /// <summary>The verification report.</summary>
    public required VerificationReport Report { get; init; }

    /// <summary>The credential as read for the page (null when unreadable).</summary>
    public CredentialView? Credential { get; init; }

    /// <summary>When the check ran.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>This page's path without <c>lang</c> (for the language switch).</summary>
    public required string SelfPath { get; init; }

    /// <summary>Signed with a published demo key (never shown as plain green).</summary>
    public bool Demo { get; init; }

    /// <summary>Our stored record of this credential (revocation date), when we hold it.</summary>
    public StoredCredential? Stored { get; init; }

    /// <summary>When a suspended credential was suspended (from the store's status record), when known.</summary>
    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>For a superseded credential, the corrected one's page.</summary>
    public string? SuccessorUrl { get; init; }

    /// <summary>For an unconfirmed file whose id we issued: the genuine credential as read for the page.</summary>
    public CredentialView? Genuine { get; init; }

    /// <summary>The genuine credential's page.</summary>
    public string? GenuineUrl { get; init; }

    /// <summary>Where the file differs from the genuine credential.</summary>
    public IReadOnlyList<FactDifference> Differences { get; init; } = [];

    /// <summary>A note on how this page was reached (a photo's QR code), already translated.</summary>
    public string? Note { get; init; }

    /// <summary>The file's claims are not confirmed by the checks (not genuine, another issuer, unreadable).</summary>
    public bool Unconfirmed => Report.Verdict is Verdict.NotGenuine or Verdict.UnknownIssuer or Verdict.Unreadable;
}
