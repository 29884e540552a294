using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// Every endpoint under <c>/staff</c>, enumerated from the app's own endpoint data source (so pages added later are covered):
/// the anonymous get the sign-in redirect, an issuer gets 403 from every administrator endpoint, and only the sign-in
/// pages and the setup link are open.
/// </summary>
[TestFixture("Sqlite")]
public sealed class StaffAccessTests(string provider) : StaffFixture(provider)
{
    private static readonly string[] OpenPatterns =
        ["GET /staff/signin", "POST /staff/signin", "GET /staff/signin/oidc", "GET /staff/signin/done", "GET /staff/setup", "POST /staff/setup",
         "POST /staff/signin/passkey/options", "POST /staff/signin/passkey"];

    private sealed record StaffEndpoint(string Method, string Pattern, string Path, bool Anonymous, bool Administrator, bool Issuer)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private IReadOnlyList<StaffEndpoint> Endpoints()
    {
        var source = Factory.Services.GetRequiredService<EndpointDataSource>();
        var found = new List<StaffEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (!pattern.StartsWith("/staff", StringComparison.Ordinal))
            {
                continue;
            }

            var path = string.Join('/', pattern.Split('/').Select(segment => segment.StartsWith('{') ? (segment.Contains(":long") || segment.Contains(":int") ? "1" : "x") : segment));
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                found.Add(new StaffEndpoint(method, pattern.TrimEnd('/') is "" ? "/" : pattern.TrimEnd('/'), path,
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null, policies.Contains(StaffPolicies.Administrator), policies.Contains(StaffPolicies.Issuer)));
            }
        }

        return found;
    }

    [Test]
    public void EveryStaffEndpoint_DeclaresAPolicyOrIsOneOfTheOpenPages()
    {
        var endpoints = Endpoints();
        Assert.That(endpoints, Has.Count.GreaterThan(15), "the enumeration found the staff app");
        Assert.That(endpoints.Where(e => e.Anonymous).Select(e => e.ToString()), Is.EquivalentTo(OpenPatterns));
        Assert.That(endpoints.Where(e => !e.Anonymous && !e.Administrator && !e.Issuer), Is.Empty, "every other endpoint requires a staff policy");
    }

    [Test]
    public async Task EveryProtectedStaffEndpoint_Anonymous_RedirectedToSignIn()
    {
        var anonymous = StaffSession.Anonymous(Client);
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        {
            using var response = await SendAsync(anonymous, endpoint);
            if (response.StatusCode != HttpStatusCode.Unauthorized
                && !(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == StaffAuthentication.SignInPath))
            {
                failures.Add($"{endpoint} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task EveryAdministratorEndpoint_Issuer_Gets403()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Administrator))
        {
            using var response = await SendAsync(issuer, endpoint);
            checkedCount++;
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint} → {(int)response.StatusCode}");
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(11));
        using var home = await issuer.GetAsync("/staff");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the issuer's session was valid throughout");
    }

    [Test]
    public async Task EveryIssuerPage_Issuer_IsLetIn()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);
        foreach (var endpoint in Endpoints().Where(e => e.Issuer && !e.Administrator && e.Method == HttpMethods.Get && !e.Path.Contains("/x", StringComparison.Ordinal) && !e.Path.Contains("/1", StringComparison.Ordinal)))
        {
            using var response = await SendAsync(issuer, endpoint);
            Assert.That((int)response.StatusCode, Is.Not.AnyOf(401, 403).And.LessThan(500), endpoint.ToString());
            Assert.That(response.Headers.Location?.AbsolutePath, Is.Not.EqualTo(StaffAuthentication.SignInPath), endpoint.ToString());
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(StaffSession session, StaffEndpoint endpoint) =>
        endpoint.Method == HttpMethods.Get
            ? await session.GetAsync(endpoint.Path)
            : await session.PostFormAsync(endpoint.Path, [new("role", "Administrator"), new("name", "x"), new("password", "access test password")],
                tokenFrom: session.UserName.Length == 0 ? StaffAuthentication.SignInPath : "/staff");
}
