using System.ComponentModel.DataAnnotations;

namespace MicroCredentials.Host.Staff;

/// <summary>The staff app's sign-in settings (configuration section <c>Staff</c>).</summary>
public sealed class StaffSignInOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Staff";

    /// <summary>Minutes without a request after which a staff session ends (sliding). Default 30.</summary>
    [Range(1, 24 * 60)]
    public int SessionTimeoutMinutes { get; set; } = 30;

    /// <summary>Failed password attempts in a row that lock a local account. Default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Minutes a locked local account stays locked. Default 15.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Minutes the first-administrator setup link is valid. Default 60.</summary>
    [Range(1, 24 * 60)]
    public int SetupLinkMinutes { get; set; } = 60;

    /// <summary>Sign-in through the university's OpenID Connect provider; off unless <see cref="StaffOidcOptions.Authority"/> is set.</summary>
    public StaffOidcOptions Oidc { get; set; } = new();
}
