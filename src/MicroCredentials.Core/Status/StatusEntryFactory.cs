using System.Globalization;
using MicroCredentials.Model;

namespace MicroCredentials.Status;

/// <summary>Creates the <c>credentialStatus</c> entry of an issued credential (STANDARDS §4.2).</summary>
public static class StatusEntryFactory
{
    /// <summary>
    /// A <see cref="BitstringStatusListEntry"/> with id <c>&lt;listUrl&gt;#&lt;index&gt;</c> (the OB schema requires an
    /// id and it must differ from the list URL) and the index as a base-10 string.
    /// </summary>
    /// <param name="listUrl">Absolute http(s) URL of the status list credential, without a fragment.</param>
    /// <param name="purpose">Usually <see cref="StatusPurpose.Revocation"/> or <see cref="StatusPurpose.Suspension"/>.</param>
    /// <param name="index">The allocated index, ≥ 0.</param>
    /// <exception cref="ArgumentException"><paramref name="listUrl"/> is not an absolute http(s) URL or has a fragment; purpose empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static BitstringStatusListEntry Create(string listUrl, string purpose, int index)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (!Uri.TryCreate(listUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Fragment.Length > 0)
        {
            throw new ArgumentException("The list URL must be an absolute http(s) URL without a fragment.", nameof(listUrl));
        }

        var indexText = index.ToString(CultureInfo.InvariantCulture);
        return new BitstringStatusListEntry
        {
            Id = $"{listUrl}#{indexText}",
            StatusPurpose = purpose,
            StatusListIndex = indexText,
            StatusListCredential = listUrl,
        };
    }
}
