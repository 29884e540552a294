using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf.Canonicalization;
using NSec.Cryptography;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// The <c>eddsa-rdfc-2022</c> cryptosuite (vc-di-eddsa 1.0 §3.3): JSON-LD 1.1 to RDF in safe mode, RDFC-1.0
/// canonical N-Quads, SHA-256, Ed25519. The suite OB 3.0 conformance requires (STANDARDS §2.2).
/// </summary>
public static class EddsaRdfc2022
{
    /// <summary>The cryptosuite identifier.</summary>
    public const string Name = "eddsa-rdfc-2022";

    /// <summary>
    /// Transformation (vc-di-eddsa §3.3.2): the canonical N-Quads of a JSON-LD document, converted with JSON-LD
    /// SAFE MODE so that a term no context defines is an error instead of being silently dropped (and so left
    /// unsigned).
    /// </summary>
    /// <param name="document">The document (for a credential: without its <c>proof</c>).</param>
    /// <param name="documentLoader">Where contexts come from; default the embedded standard contexts.</param>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD, uses an undefined term, or names an
    /// unknown context; <see cref="JsonLdException.Path"/> says where.</exception>
    /// <exception cref="Rdfc10WorkLimitExceededException">The RDF dataset is poisoned.</exception>
    public static string Canonicalize(JsonObject document, DocumentLoader? documentLoader = null) =>
        System.Text.Encoding.UTF8.GetString(Transform(document, documentLoader));

    /// <summary>
    /// Creates a proof (vc-di-eddsa §3.3.1): proof options <c>{type: DataIntegrityProof, cryptosuite, created,
    /// verificationMethod, proofPurpose: assertionMethod}</c>; the proof configuration adds the document's
    /// <c>@context</c>; hashData = SHA-256(canonical configuration) ‖ SHA-256(canonical document); Ed25519 signature;
    /// <c>proofValue</c> = <c>z</c> + base58btc.
    /// </summary>
    /// <param name="unsecuredDocument">The document without <c>proof</c>.</param>
    /// <param name="key">The Ed25519 signing key.</param>
    /// <param name="verificationMethod">The verification method URL written into the proof.</param>
    /// <param name="created">The proof's creation time (written in UTC, whole seconds).</param>
    /// <param name="documentLoader">Where contexts come from; default the embedded standard contexts.</param>
    /// <exception cref="JsonLdException">The document cannot be converted to RDF in safe mode.</exception>
    public static DataIntegrityProof CreateProof(
        JsonObject unsecuredDocument, Ed25519SigningKey key, string verificationMethod, DateTimeOffset created, DocumentLoader? documentLoader = null)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationMethod);
        var options = new DataIntegrityProof(
            DataIntegrityProof.DataIntegrityProofType, Name, DataIntegrityProof.FormatCreated(created), verificationMethod,
            DataIntegrityProof.AssertionMethod, null);
        var hashData = HashData(unsecuredDocument, options.ToJsonObject(), documentLoader);
        return options with { ProofValue = Ed25519Proofs.Sign(key, hashData) };
    }

    /// <summary>
    /// hashData for a document and proof options (a proof object without <c>proofValue</c>): the configuration takes
    /// the document's <c>@context</c> (vc-di-eddsa §3.3.5, §3.3.4).
    /// </summary>
    internal static byte[] HashData(JsonObject unsecuredDocument, JsonObject proofOptions, DocumentLoader? documentLoader)
    {
        if (unsecuredDocument.TryGetPropertyValue("@context", out var context) && context is not null)
        {
            proofOptions["@context"] = context.DeepClone();
        }

        var canonicalProofConfig = Transform(proofOptions, documentLoader);
        var canonicalDocument = Transform(unsecuredDocument, documentLoader);
        return Ed25519Proofs.HashData(canonicalProofConfig, canonicalDocument);
    }

    /// <summary>
    /// hashData with the canonical document computed once (<see cref="CanonicalDocument"/>): every proof of a proof set
    /// signs the same unsecured document, so a proof set costs one document canonicalisation, not one per proof.
    /// </summary>
    internal static byte[] HashData(JsonObject proofOptions, JsonNode? documentContext, byte[] canonicalDocument, DocumentLoader? documentLoader)
    {
        if (documentContext is not null)
        {
            proofOptions["@context"] = documentContext.DeepClone();
        }

        return Ed25519Proofs.HashData(Transform(proofOptions, documentLoader), canonicalDocument);
    }

    /// <summary>The canonical N-Quads (UTF-8) of an unsecured document, as <see cref="HashData(JsonObject, JsonObject, DocumentLoader?)"/> hashes it.</summary>
    internal static byte[] CanonicalDocument(JsonObject unsecuredDocument, DocumentLoader? documentLoader) =>
        Transform(unsecuredDocument, documentLoader);

    private static byte[] Transform(JsonObject document, DocumentLoader? documentLoader)
    {
        ArgumentNullException.ThrowIfNull(document);
        var options = new JsonLdOptions { SafeMode = true, DocumentLoader = documentLoader ?? EmbeddedDocumentLoader.Instance };
        return Rdfc10.CanonicalizeToUtf8(JsonLdProcessor.ToRdf(document, options));
    }
}
