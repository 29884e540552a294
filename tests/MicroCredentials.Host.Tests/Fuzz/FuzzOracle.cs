using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Baking;
using MicroCredentials.Codecs;
using MicroCredentials.DataIntegrity;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>
/// Decides whether a mutated upload that was answered "verified" is nevertheless the genuine credential: an
/// RDF-identical JSON rewrite (our canonicaliser gives the same N-Quads and the proof is the same JSON), a JWT whose
/// three segments decode to the same bytes, or a PNG/SVG whose baked credential is one of those. A PDF is equivalent
/// only when it is byte for byte the issued file.
/// </summary>
internal static class FuzzOracle
{
    public static (bool Equivalent, string Why) Judge(FuzzCase c, FuzzArtefacts genuine)
    {
        var payload = c.Payload ?? c.Body ?? [];
        return c.Origin switch
        {
            FuzzOrigin.Json => CredentialText(Strict(payload), genuine),
            FuzzOrigin.Jwt => CredentialText(Strict(payload), genuine),
            FuzzOrigin.Png => Baked(PngBaker.Extract(payload), genuine),
            FuzzOrigin.Svg => Strict(payload) is { } svg ? Baked(SafeSvg(svg), genuine) : (false, "the SVG is not UTF-8"),
            FuzzOrigin.Pdf => payload.AsSpan().SequenceEqual(genuine.Pdf) ? (true, "the issued PDF") : (false, "a changed PDF"),
            _ => (false, "no credential"),
        };
    }

    private static BadgeExtraction SafeSvg(string svg)
    {
        try
        {
            return SvgBaker.Extract(svg);
        }
        catch (Exception e) when (e is ArgumentException or System.Xml.XmlException)
        {
            return new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
        }
    }

    private static (bool, string) Baked(BadgeExtraction extraction, FuzzArtefacts genuine) =>
        extraction.Credential is { } text ? CredentialText(text, genuine) : (false, "nothing baked");

    private static string? Strict(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static (bool, string) CredentialText(string? text, FuzzArtefacts genuine)
    {
        if (text is null)
        {
            return (false, "not UTF-8");
        }

        var trimmed = text.Trim();
        return trimmed.StartsWith('{') ? RdfIdentical(trimmed, genuine.Json) : JwtEquivalent(trimmed, genuine.Jwt);
    }

    private static (bool, string) JwtEquivalent(string token, string original)
    {
        var a = token.Split('.');
        var b = original.Split('.');
        if (a.Length != 3)
        {
            return (false, "not three segments");
        }

        for (var i = 0; i < 3; i++)
        {
            byte[] left;
            try
            {
                left = Base64UrlEncoder.DecodeBytes(a[i]);
            }
            catch (FormatException)
            {
                return (false, $"segment {i} is not base64url");
            }

            if (!left.AsSpan().SequenceEqual(Base64UrlEncoder.DecodeBytes(b[i])))
            {
                return (false, $"segment {i} decodes to other bytes");
            }
        }

        return (true, "the same JWT bytes");
    }

    private static (bool, string) RdfIdentical(string text, string original)
    {
        try
        {
            if (HasDuplicateMember(text))
            {
                return (false, "repeats a member");
            }

            var mutated = JsonNode.Parse(text)!.AsObject();
            var genuine = JsonNode.Parse(original)!.AsObject();
            var proofA = mutated["proof"];
            var proofB = genuine["proof"];
            mutated.Remove("proof");
            genuine.Remove("proof");
            if (proofA is null)
            {
                return (false, "no proof");
            }

            // The genuine proof unchanged, alone or in a proof set beside others (OB 3.0: one valid issuer proof is enough;
            // the report must list the others, which the verifier's proof-set checks assert).
            var genuineProof = Jcs.Canonicalize(proofB);
            var sameProof = Jcs.Canonicalize(proofA) == genuineProof;
            var single = proofB is JsonArray { Count: 1 } one ? one[0]! : proofB!;
            var inSet = !sameProof && proofA is JsonArray set && set.Any(p => p is not null && Jcs.Canonicalize(p) == Jcs.Canonicalize(single));

            // Extra or changed proof members that change nothing signed: the same proofValue and the same canonical
            // proof configuration (computed as jsonld.js does: the proof's own @context, else the document's).
            var genuineConfig = ProofConfig(single, genuine);
            var sameConfig = !sameProof && !inSet && (proofA is JsonArray many ? many.ToArray() : [proofA]).Any(p =>
                p is JsonObject o && o["proofValue"]?.ToJsonString() == single["proofValue"]?.ToJsonString() && ProofConfig(o, mutated) == genuineConfig);
            if (!sameProof && !inSet && !sameConfig)
            {
                return (false, "another proof");
            }

            return EddsaRdfc2022.Canonicalize(mutated) != EddsaRdfc2022.Canonicalize(genuine) ? (false, "other RDF")
                : sameProof ? (true, "RDF-identical rewrite")
                : inSet ? (true, "the genuine proof in a proof set")
                : (true, "an RDF-identical proof configuration");
        }
        catch (Exception e)
        {
            // Anything our own processor cannot convert is not RDF-identical to the genuine credential.
            return (false, "not convertible: " + e.GetType().Name);
        }
    }

    private static string? ProofConfig(JsonNode proof, JsonObject document)
    {
        if (proof is not JsonObject o)
        {
            return null;
        }

        var config = (JsonObject)o.DeepClone();
        config.Remove("proofValue");
        if (!config.ContainsKey("@context") && document["@context"] is { } context)
        {
            config["@context"] = context.DeepClone();
        }

        try
        {
            return EddsaRdfc2022.Canonicalize(config);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static bool HasDuplicateMember(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        return Walk(document.RootElement);

        static bool Walk(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).Any(g => g.Count() > 1) || element.EnumerateObject().Any(p => Walk(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Any(Walk),
            _ => false,
        };
    }
}
