namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Compares the address the host listens on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>) with the public base
/// address every link and QR code points at, and words a warning when people would be sent somewhere nobody answers.
/// Only a loopback public address (a local run) or one with an explicit port can be judged: behind a reverse proxy on
/// the default port the two legitimately differ.
/// </summary>
internal static class ListenAddressCheck
{
    /// <summary>The warning, or null when the addresses agree or cannot be compared.</summary>
    public static string? Warning(Uri publicBaseUrl, string? listenUrls)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (string.IsNullOrWhiteSpace(listenUrls))
        {
            return null;
        }

        var listening = listenUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse).Where(u => u is not null).Select(u => u!.Value).ToList();
        var loopback = publicBaseUrl.IsLoopback;
        if (listening.Count == 0 || (!loopback && publicBaseUrl.IsDefaultPort))
        {
            return null;
        }

        var matches = listening.Any(l => l.Port == publicBaseUrl.Port && (!loopback || l.Scheme == publicBaseUrl.Scheme));
        return matches
            ? null
            : $"The host listens on {listenUrls} but Issuer:PublicBaseUrl is {publicBaseUrl.ToString().TrimEnd('/')}: every verification link, " +
              $"QR code and status list points there. Set Issuer:PublicBaseUrl to the address people reach (before the first real issue), " +
              $"or listen on {publicBaseUrl.Scheme}://{publicBaseUrl.Authority}.";
    }

    // Kestrel accepts hosts such as '*', '+' and '0.0.0.0' that Uri does not; only scheme and port matter here.
    private static (string Scheme, int Port)? Parse(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var authority = url[(schemeEnd + 3)..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        var port = colon >= 0 && !authority.EndsWith(']') && int.TryParse(authority[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var p)
            ? p
            : scheme == "https" ? 443 : 80;
        return (scheme, port);
    }
}
