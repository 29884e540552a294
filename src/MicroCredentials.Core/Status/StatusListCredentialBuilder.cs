using System.Text.Json.Nodes;
using MicroCredentials.Model;

namespace MicroCredentials.Status;

/// <summary>
/// Builds the unsigned <c>BitstringStatusListCredential</c> exactly as STANDARDS §4.2 (Bitstring Status List §2.2).
/// Signing is a separate step (the Data Integrity suite); this type knows nothing about keys.
/// </summary>
public static class StatusListCredentialBuilder
{
    /// <summary>
    /// Returns
    /// <c>{ "@context": [VC v2], id, type: [VerifiableCredential, BitstringStatusListCredential], issuer, validFrom,
    /// [validUntil], credentialSubject: { id: "&lt;listUrl&gt;#list", type: BitstringStatusList, statusPurpose,
    /// encodedList, ttl } }</c>.
    /// </summary>
    /// <param name="listUrl">Absolute URL where the list is served (its <c>id</c>), without a fragment.</param>
    /// <param name="issuerId">The issuer id; the same as on the credentials the list covers.</param>
    /// <param name="statusPurpose">The single purpose of this list.</param>
    /// <param name="list">The bits; encoded with <see cref="Bitstring.Encode"/>.</param>
    /// <param name="validFrom">Written as DateTimeZ (UTC, whole seconds).</param>
    /// <param name="ttl">Time to live, written in whole milliseconds; align HTTP Cache-Control with it.</param>
    /// <param name="validUntil">Optional end of validity, DateTimeZ.</param>
    /// <exception cref="ArgumentException">A string argument is empty, the URL is not an absolute http(s) URL or has a fragment,
    /// <paramref name="ttl"/> is not positive, or <paramref name="validUntil"/> is not after <paramref name="validFrom"/>.</exception>
    public static JsonObject Build(
        string listUrl,
        string issuerId,
        string statusPurpose,
        Bitstring list,
        DateTimeOffset validFrom,
        TimeSpan ttl,
        DateTimeOffset? validUntil = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(statusPurpose);
        ArgumentNullException.ThrowIfNull(list);
        if (!Uri.TryCreate(listUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Fragment.Length > 0)
        {
            throw new ArgumentException("The list URL must be an absolute http(s) URL without a fragment.", nameof(listUrl));
        }

        if (ttl.TotalMilliseconds < 1)
        {
            throw new ArgumentException("ttl must be at least one millisecond.", nameof(ttl));
        }

        if (validUntil is { } until && until <= validFrom)
        {
            throw new ArgumentException("validUntil must be after validFrom.", nameof(validUntil));
        }

        var credential = new JsonObject
        {
            [StatusListTerms.Context] = new JsonArray(Ob3Terms.VcV2Context),
            [StatusListTerms.Id] = listUrl,
            [StatusListTerms.Type] = new JsonArray(StatusListTerms.VerifiableCredential, StatusListTerms.BitstringStatusListCredential),
            [StatusListTerms.Issuer] = issuerId,
            [StatusListTerms.ValidFrom] = DateTimeZConverter.Print(validFrom),
        };
        if (validUntil is { } end)
        {
            credential[StatusListTerms.ValidUntil] = DateTimeZConverter.Print(end);
        }

        credential[StatusListTerms.CredentialSubject] = new JsonObject
        {
            [StatusListTerms.Id] = listUrl + StatusListTerms.ListFragment,
            [StatusListTerms.Type] = StatusListTerms.BitstringStatusList,
            [StatusListTerms.StatusPurpose] = statusPurpose,
            [StatusListTerms.EncodedList] = list.Encode(),
            [StatusListTerms.Ttl] = (long)ttl.TotalMilliseconds,
        };
        return credential;
    }
}
