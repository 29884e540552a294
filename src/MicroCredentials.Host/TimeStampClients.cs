using MicroCredentials.Net;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Host;

/// <summary>Registers the seal's time-stamping client from <see cref="IssuerOptions.TimeStampUrl"/>, and with it the revocation fetcher for PAdES B-LT.</summary>
internal static class TimeStampClients
{
    /// <summary>
    /// Registers a <see cref="TimeStampClient"/> for <paramref name="url"/> and a <see cref="RevocationClient"/>
    /// (nothing when it is empty: B-B seals). The URL is checked now, so a URL the fetch rules refuse stops start-up
    /// with one clear message.
    /// </summary>
    /// <exception cref="InvalidOperationException">The URL is not an https URL on port 443 at a public address.</exception>
    public static IServiceCollection AddSealTimeStamps(this IServiceCollection services, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return services;
        }
        TimeStampClient client;
        try
        {
            client = new TimeStampClient(url);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Issuer:TimeStampUrl: {e.Message.Split(" (Parameter")[0]}", e);
        }
        // A factory registration, so the container disposes the client with the host.
        services.AddSingleton(_ => client);
        // PAdES B-LT needs a time-stamped seal, so its revocation fetcher exists only with a TSA: one shared client
        // (one handler) with the revocation fetch policy (public addresses; https on 443 and the usual http on 80). It
        // fetches only when the seal's chain names CRL or OCSP addresses, so the demo seal fetches nothing.
        return services.AddSingleton(_ => new RevocationClient(PublicHttpOptions.Revocation));
    }
}
