using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>
/// Turns a JWT claims set into an SD-JWT payload (RFC 9901 §4.2): each member or array element named by a JSON
/// Pointer (RFC 6901) becomes a salted disclosure, and its place holds a digest — in the object's <c>_sd</c> array
/// (sorted, so the order tells nothing, §4.2.4.1) or as <c>{"...": digest}</c> in the array. Members inside a
/// disclosable member may be disclosable too (recursive disclosures, §6.3): the inner ones are made first.
/// </summary>
public sealed class SdJwtPayloadBuilder
{
    private readonly Func<string> saltSource;

    /// <summary>Creates a builder.</summary>
    /// <param name="saltSource">Gives each salt, called in document order; null for 128 random bits per salt (§4.2.1).</param>
    public SdJwtPayloadBuilder(Func<string>? saltSource = null)
    {
        this.saltSource = saltSource ?? RandomSalt;
    }

    /// <summary>Decoy digests added to each <c>_sd</c> array (§4.2.5); 0 by default, at most <see cref="CoreLimits.MaxSdJwtDecoysPerObject"/>.</summary>
    public int DecoysPerObject { get; init; }

    /// <summary>Builds the payload.</summary>
    /// <param name="claims">The claims set; not modified.</param>
    /// <param name="disclosable">JSON Pointers of the members and array elements to make disclosable.</param>
    /// <returns>The payload (with <c>_sd_alg</c> <c>sha-256</c>) and the disclosures, in document order.</returns>
    /// <exception cref="ArgumentException">A pointer names nothing in the claims, names the root, or a claim is
    /// named <c>_sd</c> or <c>...</c>.</exception>
    public SdJwtPayload Build(JsonObject claims, IEnumerable<string> disclosable)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(disclosable);
        if (DecoysPerObject is < 0 or > CoreLimits.MaxSdJwtDecoysPerObject)
        {
            throw new ArgumentException($"Decoys per object must be 0 to {CoreLimits.MaxSdJwtDecoysPerObject}.");
        }

        var pending = new HashSet<string>(disclosable, StringComparer.Ordinal);
        if (pending.Contains(""))
        {
            throw new ArgumentException("The root cannot be disclosable.", nameof(disclosable));
        }

        var disclosures = new List<SdJwtDisclosure>();
        var payload = (JsonObject)Process(claims.DeepClone(), "", pending, disclosures)!;
        if (pending.Count > 0)
        {
            throw new ArgumentException("No claim at: " + string.Join(", ", pending.Order(StringComparer.Ordinal)), nameof(disclosable));
        }

        payload[SdJwtTerms.SdAlg] = SdJwtTerms.Sha256;
        return new SdJwtPayload(payload, disclosures);
    }

    private JsonNode? Process(JsonNode? node, string path, HashSet<string> pending, List<SdJwtDisclosure> disclosures)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var digests = new List<string>();
                foreach (var name in obj.Select(member => member.Key).ToList())
                {
                    if (name is SdJwtTerms.Sd or SdJwtTerms.ArrayElementDigest)
                    {
                        throw new ArgumentException($"A claim cannot be named '{name}'.");
                    }

                    var childPath = path + "/" + Escape(name);
                    var child = Process(obj[name], childPath, pending, disclosures);
                    obj[name] = null;
                    obj.Remove(name);
                    if (pending.Remove(childPath))
                    {
                        var disclosure = SdJwtDisclosure.Create(saltSource(), name, child);
                        disclosures.Add(disclosure);
                        digests.Add(disclosure.Digest);
                    }
                    else
                    {
                        obj[name] = child;
                    }
                }

                AddDecoys(digests);
                if (digests.Count > 0)
                {
                    digests.Sort(StringComparer.Ordinal);
                    obj.Insert(0, SdJwtTerms.Sd, new JsonArray([.. digests.Select(d => (JsonNode)JsonValue.Create(d))]));
                }

                return obj;
            }

            case JsonArray array:
            {
                var items = array.ToList();
                array.Clear();
                for (var i = 0; i < items.Count; i++)
                {
                    var childPath = path + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var child = Process(items[i], childPath, pending, disclosures);
                    if (pending.Remove(childPath))
                    {
                        var disclosure = SdJwtDisclosure.Create(saltSource(), null, child);
                        disclosures.Add(disclosure);
                        array.Add(new JsonObject { [SdJwtTerms.ArrayElementDigest] = disclosure.Digest });
                    }
                    else
                    {
                        array.Add(child);
                    }
                }

                return array;
            }

            default:
                return node;
        }
    }

    private void AddDecoys(List<string> digests)
    {
        for (var i = 0; i < DecoysPerObject; i++)
        {
            // A decoy is the digest of a random salt: indistinguishable from a real digest (§4.2.5).
            digests.Add(SdJwtDisclosure.DigestOf(RandomSalt()));
        }
    }

    private static string RandomSalt() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
