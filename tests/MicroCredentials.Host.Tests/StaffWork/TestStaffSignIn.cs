using System.Security.Claims;
using System.Text.Encodings.Web;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>
/// The staff work tests' only way of signing in, until the staff sign-in is merged: a test-only authentication scheme
/// that reads the header <see cref="Header"/> (<c>role;name</c>) and sets the name and <c>microcred_role</c> claims as the
/// real sign-in does. Swap <see cref="SignedIn"/> for the real sign-in and every staff work test keeps working.
/// </summary>
internal static class TestStaffSignIn
{
    public const string Header = "X-Test-Staff";
    private const string SchemeName = "TestStaff";

    /// <summary>The host of <paramref name="factory"/> with the test scheme as its default scheme.</summary>
    public static WebApplicationFactory<Program> WithTestSignIn(this HostFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddAuthentication(o =>
            {
                o.DefaultScheme = SchemeName;
                o.DefaultChallengeScheme = SchemeName;
                o.DefaultForbidScheme = SchemeName;
            }).AddScheme<AuthenticationSchemeOptions, HeaderHandler>(SchemeName, _ => { });
        }));

    /// <summary>
    /// A client signed in as <paramref name="name"/> with <paramref name="role"/> (null: anonymous), keeping cookies
    /// (antiforgery) and recording every status in a recorder added to <paramref name="recorders"/>.
    /// </summary>
    public static HttpClient SignedIn(WebApplicationFactory<Program> host, ICollection<StatusRecorder> recorders, string? role, string name = "Ann Staff")
    {
        var recorder = new StatusRecorder();
        lock (recorders)
        {
            recorders.Add(recorder);
        }

        var client = host.CreateDefaultClient(new Uri("https://localhost/"), new CookieContainerHandler(), recorder);
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(Header, $"{role};{name}");
        }

        return client;
    }

    private sealed class HeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var value = Request.Headers[Header].ToString();
            if (value.Split(';', 2) is not [var role, var name])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(StaffPolicies.RoleClaim, role)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
