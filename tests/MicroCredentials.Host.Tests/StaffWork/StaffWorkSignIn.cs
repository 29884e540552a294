using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>
/// How the staff work tests sign in: a real local account (created through the host's own Identity hasher and store)
/// signed in through the real sign-in form, so every request carries the real session cookie and antiforgery token.
/// </summary>
internal static class StaffWorkSignIn
{
    /// <summary>
    /// A client of <paramref name="factory"/> (https, so the Secure cookies travel) that keeps cookies and records every
    /// status in a recorder added to <paramref name="recorders"/>; signed in as <paramref name="name"/> with
    /// <paramref name="role"/> (<c>issuer</c> or <c>administrator</c>), or anonymous when <paramref name="role"/> is null.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(HostFactory factory, ICollection<StatusRecorder> recorders, string? role, string name = "Ann Staff")
    {
        var recorder = new StatusRecorder();
        lock (recorders)
        {
            recorders.Add(recorder);
        }

        var client = factory.CreateDefaultClient(new Uri("https://localhost/"), new CookieContainerHandler(), recorder);
        if (role is null)
        {
            return client;
        }

        var account = await StaffSession.CreateAccountAsync(factory.Services, role == StaffPolicies.AdministratorRole ? StaffRole.Administrator : StaffRole.Issuer,
            displayName: name);
        var token = StaffSession.TokenOf(await client.GetStringAsync("/staff/signin"))
            ?? throw new AssertionException("the sign-in page has no antiforgery token");
        using var form = new FormUrlEncodedContent([
            new("userName", account.UserName), new("password", StaffSession.DefaultPassword), new("returnUrl", "/staff"),
            new("__RequestVerificationToken", token),
        ]);
        using var signedIn = await client.PostAsync("/staff/signin", form);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await signedIn.Content.ReadAsStringAsync());
        return client;
    }
}
