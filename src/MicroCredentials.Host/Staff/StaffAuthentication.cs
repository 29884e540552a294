using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// Staff sign-in: a cookie session (<see cref="CookieScheme"/>: Secure, HttpOnly, SameSite=Strict, path <c>/staff</c>,
/// sliding timeout) opened by a local account (ASP.NET Core Identity's password hasher and lockout on our own user store)
/// or by the university's OpenID Connect provider (<see cref="OidcScheme"/>, only when configured). The API keeps its
/// API-key filter; this scheme never answers an API request.
/// </summary>
internal static partial class StaffAuthentication
{
    /// <summary>The cookie scheme of staff sessions.</summary>
    public const string CookieScheme = "MicroCredentials.Staff";

    /// <summary>The OpenID Connect scheme (registered only when <c>Staff:Oidc:Authority</c> is set).</summary>
    public const string OidcScheme = "MicroCredentials.Oidc";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "microcred-staff";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/staff/signin";

    /// <summary>Where the provider sends the browser back with the code.</summary>
    public const string OidcCallbackPath = "/staff/signin/oidc-callback";

    /// <summary>Registers options, Identity on our user store, the cookie and (when configured) OpenID Connect, then the policies.</summary>
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffSignInOptions>().BindConfiguration(StaffSignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StaffSignInOptions.Section).Get<StaffSignInOptions>() ?? new StaffSignInOptions();

        services.AddIdentityCore<StaffUser>(o =>
        {
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            o.Password.RequiredLength = HostLimits.StaffPasswordMinLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 4;
        }).AddUserStore<StaffUserStore>();

        var authentication = services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, c =>
        {
            c.Cookie.Name = CookieName;
            c.Cookie.Path = "/staff";
            c.Cookie.HttpOnly = true;
            c.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionTimeoutMinutes);
            c.SlidingExpiration = true;
            c.LoginPath = SignInPath;
            c.ReturnUrlParameter = "returnUrl";
            c.Events.OnValidatePrincipal = ValidateSessionAsync;
            c.Events.OnRedirectToAccessDenied = DenyAsync;
        });

        if (options.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OidcScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.CallbackPath = OidcCallbackPath;
                o.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Add("email");
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Events.OnTokenValidated = OidcTokenValidatedAsync;
                o.Events.OnRemoteFailure = OidcFailedAsync;
            });
        }

        services.AddStaffPasskeys();
        services.AddStaffPolicies();
        services.AddHostedService<StaffSetupLink>();
        return builder;
    }
}
