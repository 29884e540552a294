namespace MicroCredentials.Host.Staff;

/// <summary>
/// OpenID Connect sign-in (section <c>Staff:Oidc</c>): the provider, this app's client, and the claim whose values map to the
/// staff roles. A person whose claim carries neither an issuer nor an administrator value is refused (and audited).
/// </summary>
public sealed class StaffOidcOptions
{
    /// <summary>The provider's issuer URL (its discovery document is at <c>/.well-known/openid-configuration</c>); empty = off.</summary>
    public string? Authority { get; set; }

    /// <summary>This app's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>This app's client secret (keep it out of appsettings.json: environment or secret store).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ID-token claim that carries roles or groups. Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Values of <see cref="RoleClaim"/> that make a person an issuer.</summary>
    public IList<string> IssuerValues { get; } = [];

    /// <summary>Values of <see cref="RoleClaim"/> that make a person an administrator.</summary>
    public IList<string> AdministratorValues { get; } = [];

    /// <summary>The button's label on the sign-in page. Default "your university account".</summary>
    public string DisplayName { get; set; } = "University account";

    /// <summary>Whether the provider's metadata must be served over https. Default true; only a loopback test provider turns it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether OpenID Connect is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
