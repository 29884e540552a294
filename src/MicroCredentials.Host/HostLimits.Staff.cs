namespace MicroCredentials.Host;

/// <summary>Bounds on what the staff sign-in and administration pages accept (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Longest password accepted: a passphrase fits; more only costs hashing and form reading.</summary>
    public const int StaffPasswordMaxLength = 256;

    /// <summary>Shortest password a local account may have (length, not composition rules, as NIST SP 800-63B advises).</summary>
    public const int StaffPasswordMinLength = 12;

    /// <summary>Longest sign-in name, person's name or API key name: shown in lists and written in every audit entry.</summary>
    public const int StaffNameMaxLength = 100;

    /// <summary>Audit entries on one page of the audit log.</summary>
    public const int AuditPageSize = 100;

    /// <summary>Audit entries in one CSV export: a year of a busy office; a bigger export is narrowed by the filters.</summary>
    public const int AuditExportMaxRows = 100_000;

    /// <summary>
    /// Longest WebAuthn credential JSON accepted from the browser at passkey registration or sign-in: a registration with
    /// a packed attestation and its certificate chain is a few KB; more is not an authenticator's answer.
    /// </summary>
    public const int PasskeyCredentialJsonMaxChars = 32 * 1024;

    /// <summary>Longest name a person gives a passkey ("Laptop", "Phone").</summary>
    public const int PasskeyNameMaxLength = 60;

    /// <summary>Passkeys one account may register: a person's devices and security keys, with room to spare.</summary>
    public const int PasskeysPerAccount = 10;

    /// <summary>How long a passkey ceremony (options → browser → answer) may take before it must start again.</summary>
    public static readonly TimeSpan PasskeyCeremonyTimeout = TimeSpan.FromMinutes(5);
}
