using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Status;

public sealed partial record StatusListCredential
{
    /// <summary>
    /// Reads a status list credential: checks its types, takes issuer, validity period, purposes and ttl, and decodes
    /// <c>encodedList</c> (§3.4). Never throws on bad input.
    /// </summary>
    /// <param name="document">The JSON document; kept by reference in the result.</param>
    /// <param name="minimumBits">Fewer entries is <see cref="StatusListReadFailure.ListTooShort"/>; default 131,072.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static StatusListReadResult Read(JsonObject document, int minimumBits = Bitstring.MinimumLength)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!HasType(document, StatusListTerms.BitstringStatusListCredential))
        {
            return StatusListReadResult.Fail(StatusListReadFailure.NotStatusListCredential,
                "The document's type does not include BitstringStatusListCredential.");
        }

        var subject = document[StatusListTerms.CredentialSubject] switch
        {
            JsonObject single => single,
            JsonArray many => many.OfType<JsonObject>().FirstOrDefault(s => HasType(s, StatusListTerms.BitstringStatusList)),
            _ => null,
        };
        if (subject is null || !HasType(subject, StatusListTerms.BitstringStatusList))
        {
            return StatusListReadResult.Fail(StatusListReadFailure.NotStatusListCredential,
                "The credential has no BitstringStatusList subject.");
        }

        var purposes = Strings(subject[StatusListTerms.StatusPurpose]);
        if (purposes.Count == 0)
        {
            return Malformed("credentialSubject.statusPurpose must be one or more strings.");
        }

        if (!TryDate(document, StatusListTerms.ValidFrom, out var validFrom)
            || !TryDate(document, StatusListTerms.ValidUntil, out var validUntil))
        {
            return Malformed("validFrom/validUntil must be date-time strings with a time zone.");
        }

        if (!TryTtl(subject[StatusListTerms.Ttl], out var ttl))
        {
            return Malformed("credentialSubject.ttl must be a non-negative number of milliseconds.");
        }

        if (subject[StatusListTerms.EncodedList] is not JsonValue encodedValue
            || !encodedValue.TryGetValue<string>(out var encodedList))
        {
            return Malformed("credentialSubject.encodedList must be a string.");
        }

        var decoded = Bitstring.Decode(encodedList, minimumBits);
        if (!decoded.Succeeded)
        {
            var failure = decoded.Failure switch
            {
                BitstringDecodeFailure.TooShort => StatusListReadFailure.ListTooShort,
                BitstringDecodeFailure.TooLarge => StatusListReadFailure.ListTooLarge,
                _ => StatusListReadFailure.EncodedListInvalid,
            };
            return StatusListReadResult.Fail(failure, decoded.Detail);
        }

        return StatusListReadResult.Success(new StatusListCredential
        {
            Document = document,
            Id = String(document[StatusListTerms.Id]),
            Issuer = String(document[StatusListTerms.Issuer]) ?? String((document[StatusListTerms.Issuer] as JsonObject)?[StatusListTerms.Id]),
            StatusPurposes = purposes,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            Ttl = ttl,
            List = decoded.Bitstring.Freeze(),
        });
    }

    private static StatusListReadResult Malformed(string detail) =>
        StatusListReadResult.Fail(StatusListReadFailure.MalformedValue, detail);

    internal static bool HasType(JsonObject node, string type) => Strings(node[StatusListTerms.Type]).Contains(type);

    internal static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var one) => [one],
        JsonArray array when array.All(item => String(item) is not null) => [.. array.Select(item => String(item)!)],
        _ => [],
    };

    private static bool TryDate(JsonObject node, string name, out DateTimeOffset? value)
    {
        value = null;
        var raw = node[name];
        if (raw is null)
        {
            return true;
        }

        if (String(raw) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryTtl(JsonNode? node, out TimeSpan? ttl)
    {
        ttl = null;
        if (node is null)
        {
            return true;
        }

        // A node built in memory holds a long, a parsed one a JsonElement: read the number from its JSON text.
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0 && milliseconds <= TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            ttl = TimeSpan.FromMilliseconds(milliseconds);
            return true;
        }

        return false;
    }
}
