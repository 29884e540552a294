using System.Globalization;
using System.Security.Claims;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// The signed-in staff member as claims: the person's name (<see cref="ClaimTypes.Name"/>), the role
/// (<see cref="StaffPolicies.RoleClaim"/>), the sign-in name and where the account lives (local or OpenID Connect).
/// </summary>
internal static class StaffPrincipal
{
    /// <summary>The sign-in name (local user name, or the provider's preferred_username / e-mail / subject).</summary>
    public const string LoginClaim = "microcred_login";

    /// <summary>Where the account lives: <c>local:{id}</c> or <c>oidc:{subject}</c>.</summary>
    public const string AccountClaim = "microcred_account";

    /// <summary>A local account's security stamp when the session started; a change ends the session.</summary>
    public const string StampClaim = "microcred_stamp";

    private const string LocalPrefix = "local:";

    /// <summary>The principal of a local account.</summary>
    public static ClaimsPrincipal Local(StaffUser user) => Create(user.DisplayName, user.UserName, user.Role,
        LocalPrefix + user.IdText, user.SecurityStamp, "local");

    /// <summary>The principal of a person the OpenID Connect provider vouched for.</summary>
    public static ClaimsPrincipal Oidc(string name, string login, string subject, StaffRole role) =>
        Create(name, login, role, "oidc:" + subject, null, "oidc");

    /// <summary>The id of the local account behind a principal, or <see langword="null"/> (OpenID Connect or anonymous).</summary>
    public static long? LocalAccountId(this ClaimsPrincipal user) =>
        user.FindFirst(AccountClaim)?.Value is { } account && account.StartsWith(LocalPrefix, StringComparison.Ordinal)
        && long.TryParse(account.AsSpan(LocalPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>The name written in the audit log for what this staff member does: "Ann Peeters (ann)".</summary>
    public static string StaffActor(this ClaimsPrincipal user) =>
        $"{user.Identity?.Name ?? "unknown"} ({user.FindFirst(LoginClaim)?.Value ?? "?"})";

    /// <summary>The name written in the audit log for a person before a session exists.</summary>
    public static string Actor(string name, string login) => $"{name} ({login})";

    private static ClaimsPrincipal Create(string name, string login, StaffRole role, string account, string? stamp, string how)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(LoginClaim, login),
            new(AccountClaim, account),
            new(StaffPolicies.RoleClaim, role == StaffRole.Administrator ? StaffPolicies.AdministratorRole : StaffPolicies.IssuerRole),
        };
        if (stamp is not null)
        {
            claims.Add(new Claim(StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, how, ClaimTypes.Name, ClaimTypes.Role));
    }
}
