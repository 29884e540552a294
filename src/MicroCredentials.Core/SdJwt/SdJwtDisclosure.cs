using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.SdJwt;

/// <summary>
/// One SD-JWT disclosure (RFC 9901 §4.2): <c>[salt, name, value]</c> for an object member or <c>[salt, value]</c> for
/// an array element, base64url-encoded; its digest is base64url(SHA-256(ASCII(encoded))) (§4.2.3). Immutable.
/// </summary>
public sealed record SdJwtDisclosure
{
    private SdJwtDisclosure(string salt, string? name, JsonNode? value, string encoded)
    {
        Salt = salt;
        Name = name;
        Value = value;
        Encoded = encoded;
        Digest = DigestOf(encoded);
    }

    /// <summary>The salt (at least 128 bits of randomness when we issue, RFC 9901 §4.2.1).</summary>
    public string Salt { get; }

    /// <summary>The member name; null for an array element.</summary>
    public string? Name { get; }

    /// <summary>The disclosed value (may itself hold <c>_sd</c> digests). A fresh copy is given out by <see cref="CloneValue"/>.</summary>
    public JsonNode? Value { get; }

    /// <summary>The disclosure as it travels: base64url of the JSON array's UTF-8.</summary>
    public string Encoded { get; }

    /// <summary>The <c>sha-256</c> digest that the issuer-signed JWT carries for it.</summary>
    public string Digest { get; }

    /// <summary>True for an array element disclosure (two elements).</summary>
    public bool IsArrayElement => Name is null;

    /// <summary>
    /// Creates a disclosure with the JSON separators of the RFC's examples, so a given salt, name and value give the
    /// RFC's bytes.
    /// </summary>
    /// <param name="salt">The salt (base64url of random bytes).</param>
    /// <param name="name">The member name, or null for an array element.</param>
    /// <param name="value">The value; copied.</param>
    /// <exception cref="ArgumentException">The name is <c>_sd</c> or <c>...</c> (RFC 9901 §4.2.1).</exception>
    public static SdJwtDisclosure Create(string salt, string? name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        if (name is SdJwtTerms.Sd or SdJwtTerms.ArrayElementDigest)
        {
            throw new ArgumentException($"A claim cannot be named '{name}'.", nameof(name));
        }

        var array = new JsonArray(JsonValue.Create(salt));
        if (name is not null)
        {
            array.Add(JsonValue.Create(name));
        }

        array.Add(value?.DeepClone());
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SdJwtJson.Spaced(array)));
        return new SdJwtDisclosure(salt, name, value?.DeepClone(), encoded);
    }

    /// <summary>Reads an encoded disclosure; null (and a reason) when it is not one.</summary>
    /// <param name="encoded">The base64url text.</param>
    /// <param name="error">Why it was refused, or null.</param>
    public static SdJwtDisclosure? TryParse(string encoded, out string? error)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        error = null;
        if (encoded.Length > CoreLimits.MaxSdJwtDisclosureLength)
        {
            error = $"a disclosure is longer than {CoreLimits.MaxSdJwtDisclosureLength} characters";
            return null;
        }

        if (!StrictBase64Url.TryDecode(encoded, out var bytes) || SdJwtJson.TryParse(bytes) is not JsonArray array)
        {
            error = "a disclosure is not base64url of a JSON array";
            return null;
        }

        if (array.Count is not (2 or 3) || !TryString(array[0], out var salt))
        {
            error = "a disclosure must be [salt, name, value] or [salt, value] with a string salt";
            return null;
        }

        string? name = null;
        if (array.Count == 3)
        {
            if (!TryString(array[1], out var member))
            {
                error = "a disclosure's claim name must be a string";
                return null;
            }

            if (member is SdJwtTerms.Sd or SdJwtTerms.ArrayElementDigest)
            {
                error = $"a disclosure must not name the claim '{member}'";
                return null;
            }

            name = member;
        }

        var value = array[^1];
        array.RemoveAt(array.Count - 1);
        return new SdJwtDisclosure(salt, name, value, encoded);
    }

    /// <summary>A copy of <see cref="Value"/> to place into a processed payload.</summary>
    public JsonNode? CloneValue() => Value?.DeepClone();

    /// <summary>base64url(SHA-256(ASCII(text))) — the digest of a disclosure, and the <c>sd_hash</c> of a presentation.</summary>
    public static string DigestOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
    }

    private static bool TryString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue value && value.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        return false;
    }
}
