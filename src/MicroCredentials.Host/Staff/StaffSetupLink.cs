using MicroCredentials.Data;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// On a start with no staff account (and no OpenID Connect provider configured), logs a one-time link that creates the
/// first administrator: valid <see cref="StaffSignInOptions.SetupLinkMinutes"/> (1 hour), single use, stored only as a hash.
/// The link's query string is never in the request log (<c>RequestPrivacy</c> leaves queries out).
/// </summary>
internal sealed class StaffSetupLink(CredentialStore store, IssuerIdentityState identity, IOptions<StaffSignInOptions> options,
    ILogger<StaffSetupLink> log) : IHostedService
{
    /// <summary>The setup page.</summary>
    public const string Path = "/staff/setup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Oidc.Enabled || await store.CountAccountsAsync(cancellationToken) > 0)
        {
            return;
        }

        var token = await store.CreateSetupTokenAsync(TimeSpan.FromMinutes(options.Value.SetupLinkMinutes), cancellationToken);
        log.LogWarning("No staff account exists. Open this one-time link within {Minutes} minutes to create the first administrator: {SetupLink}",
            options.Value.SetupLinkMinutes, $"{identity.Current.PublicBaseUrl.TrimEnd('/')}{Path}?token={token}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
