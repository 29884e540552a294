namespace MicroCredentials.Status;

/// <summary>The <c>statusPurpose</c> values we issue and check (Bitstring Status List §2.2).</summary>
public static class StatusPurpose
{
    /// <summary>Cancels the validity of a credential; not reversible.</summary>
    public const string Revocation = "revocation";

    /// <summary>Temporarily prevents acceptance of a credential; reversible.</summary>
    public const string Suspension = "suspension";

    /// <summary>The purposes this implementation issues and evaluates, each with its own list.</summary>
    public static IReadOnlyList<string> All { get; } = [Revocation, Suspension];

    /// <summary>True for <see cref="Revocation"/> and <see cref="Suspension"/>.</summary>
    public static bool IsSupported(string? purpose) => purpose is Revocation or Suspension;
}
