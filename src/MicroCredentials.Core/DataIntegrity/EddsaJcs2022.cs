using System.Text.Json.Nodes;
using MicroCredentials.Codecs;
using NSec.Cryptography;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// The <c>eddsa-jcs-2022</c> cryptosuite (vc-di-eddsa 1.0 §3.4): JSON Canonicalization Scheme (RFC 8785), SHA-256,
/// Ed25519. No JSON-LD processing; not accepted by the 1EdTech validator (STANDARDS §2.3).
/// </summary>
public static class EddsaJcs2022
{
    /// <summary>The cryptosuite identifier.</summary>
    public const string Name = "eddsa-jcs-2022";

    /// <summary>
    /// Creates a proof (vc-di-eddsa §3.4.1): like <see cref="EddsaRdfc2022.CreateProof"/>, but the proof carries the
    /// document's <c>@context</c> and both the configuration and the document are canonicalized with JCS.
    /// </summary>
    /// <param name="unsecuredDocument">The document without <c>proof</c>.</param>
    /// <param name="key">The Ed25519 signing key.</param>
    /// <param name="verificationMethod">The verification method URL written into the proof.</param>
    /// <param name="created">The proof's creation time (written in UTC, whole seconds).</param>
    public static DataIntegrityProof CreateProof(JsonObject unsecuredDocument, Ed25519SigningKey key, string verificationMethod, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationMethod);
        var context = unsecuredDocument.TryGetPropertyValue("@context", out var c) ? c?.DeepClone() : null;
        var options = new DataIntegrityProof(
            DataIntegrityProof.DataIntegrityProofType, Name, DataIntegrityProof.FormatCreated(created), verificationMethod,
            DataIntegrityProof.AssertionMethod, null, context);
        var hashData = HashData(unsecuredDocument, options.ToJsonObject());
        return options with { ProofValue = Ed25519Proofs.Sign(key, hashData) };
    }

    /// <summary>
    /// Verification pre-check (vc-di-eddsa §3.4.2 step 4): when the proof has an <c>@context</c>, the document's
    /// <c>@context</c> must start with the same values in the same order.
    /// </summary>
    internal static bool ContextMatches(JsonObject unsecuredDocument, JsonObject proofOptions)
    {
        if (!proofOptions.TryGetPropertyValue("@context", out var proofContext))
        {
            return true;
        }

        var documentContext = unsecuredDocument.TryGetPropertyValue("@context", out var d) ? d : null;
        var expected = AsList(proofContext);
        var actual = AsList(documentContext);
        return expected.Count <= actual.Count
            && expected.Select((value, i) => JsonNode.DeepEquals(value, actual[i])).All(equal => equal);
    }

    /// <summary>hashData = SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document)); the configuration takes the
    /// document's <c>@context</c> when it has one (vc-di-eddsa §3.4.5).</summary>
    internal static byte[] HashData(JsonObject unsecuredDocument, JsonObject proofOptions)
    {
        if (unsecuredDocument.TryGetPropertyValue("@context", out var context) && context is not null)
        {
            proofOptions["@context"] = context.DeepClone();
        }

        return Ed25519Proofs.HashData(
            System.Text.Encoding.UTF8.GetBytes(Jcs.Canonicalize(proofOptions)),
            System.Text.Encoding.UTF8.GetBytes(Jcs.Canonicalize(unsecuredDocument)));
    }

    private static List<JsonNode?> AsList(JsonNode? node) =>
        node switch
        {
            null => [],
            JsonArray array => [.. array],
            _ => [node],
        };
}
