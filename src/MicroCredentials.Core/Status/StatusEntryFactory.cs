using System.Globalization;
using MicroCredentials.Model;

namespace MicroCredentials.Status;

/// <summary>Creates the <c>credentialStatus</c> entries of an issued credential (STANDARDS §4.2, §4.3).</summary>
public static class StatusEntryFactory
{
    /// <summary>
    /// The entries of one credential for a status profile: by default the revocation entry alone (one
    /// <c>credentialStatus</c> object, as the OB 3.0 schema requires); with <paramref name="suspension"/> the
    /// two-entry profile, revocation then suspension (an array: VC 2.0 allows it, the OB 3.0 schema does not).
    /// </summary>
    /// <param name="revocationIndex">The index in the revocation list.</param>
    /// <param name="revocationListUrl">The revocation list's URL.</param>
    /// <param name="suspension">The suspension index and list URL for the two-entry profile; null for the default.</param>
    /// <returns>One or two entries, revocation first.</returns>
    public static IReadOnlyList<BitstringStatusListEntry> ForProfile(int revocationIndex, string revocationListUrl,
        (int Index, string ListUrl)? suspension = null)
    {
        var revocation = Create(revocationListUrl, StatusPurpose.Revocation, revocationIndex);
        return suspension is { } s ? [revocation, Create(s.ListUrl, StatusPurpose.Suspension, s.Index)] : [revocation];
    }

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
