using Microsoft.AspNetCore.Authorization;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// The staff app's two roles as authorization policies. A signed-in staff member carries <see cref="RoleClaim"/> with
/// <see cref="IssuerRole"/> or <see cref="AdministratorRole"/> (whatever signed them in: a local account or the
/// university's OpenID Connect provider, whose role claim is mapped onto these); an administrator may do all an issuer may.
/// </summary>
internal static class StaffPolicies
{
    /// <summary>Issue, find, re-send.</summary>
    public const string Issuer = "staff-issuer";

    /// <summary>Revoke, suspend, re-issue, catalogue, accounts, API keys.</summary>
    public const string Administrator = "staff-administrator";

    /// <summary>The claim type that carries a staff member's role.</summary>
    public const string RoleClaim = "microcred_role";

    /// <summary>The value of <see cref="RoleClaim"/> for an issuer.</summary>
    public const string IssuerRole = "issuer";

    /// <summary>The value of <see cref="RoleClaim"/> for an administrator.</summary>
    public const string AdministratorRole = "administrator";

    /// <summary>Registers both policies, antiforgery for the staff forms and the HTTP context for the staff layout
    /// (authentication schemes are added by the staff sign-in).</summary>
    public static IServiceCollection AddStaffPolicies(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddAntiforgery().AddAuthentication().Services.AddAuthorizationBuilder()
            .AddPolicy(Issuer, p => p.RequireAuthenticatedUser().RequireClaim(RoleClaim, IssuerRole, AdministratorRole))
            .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireClaim(RoleClaim, AdministratorRole))
            .Services;
}
