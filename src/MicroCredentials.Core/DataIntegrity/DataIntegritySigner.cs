using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf.Canonicalization;
using NSec.Cryptography;

namespace MicroCredentials.DataIntegrity;

/// <summary>Adds a Data Integrity proof to a credential (VC Data Integrity 1.0 §4.2 "Add Proof").</summary>
public static class DataIntegritySigner
{
    /// <summary>
    /// Signs a document with an Ed25519 key and returns a copy with <c>proof</c> as an array holding the new proof
    /// (STANDARDS §1.1: the OB JSON Schema rejects a single proof object).
    /// </summary>
    /// <param name="unsignedDocument">The credential without <c>proof</c>; not modified.</param>
    /// <param name="ed25519Key">The Ed25519 signing key (in memory, or in a hardware module).</param>
    /// <param name="verificationMethod">The verification method URL (for us <c>&lt;issuer id&gt;#&lt;publicKeyMultibase&gt;</c>).</param>
    /// <param name="created">The proof's creation time, taken as a parameter (no clock in Core).</param>
    /// <param name="cryptosuite"><c>eddsa-rdfc-2022</c> (default) or <c>eddsa-jcs-2022</c>.</param>
    /// <param name="documentLoader">Where JSON-LD contexts come from; default the embedded standard contexts.</param>
    /// <exception cref="ArgumentException">The cryptosuite is unknown, the document already has a proof, or it cannot
    /// be canonicalized (in JSON-LD safe mode, e.g. a term no context defines — the message names its path).</exception>
    public static JsonObject Sign(
        JsonObject unsignedDocument,
        Ed25519SigningKey ed25519Key,
        string verificationMethod,
        DateTimeOffset created,
        string cryptosuite = EddsaRdfc2022.Name,
        DocumentLoader? documentLoader = null)
    {
        ArgumentNullException.ThrowIfNull(unsignedDocument);
        ArgumentNullException.ThrowIfNull(ed25519Key);
        if (unsignedDocument.ContainsKey("proof"))
        {
            throw new ArgumentException("The document already has a proof.", nameof(unsignedDocument));
        }

        DataIntegrityProof proof;
        try
        {
            proof = cryptosuite switch
            {
                EddsaRdfc2022.Name => EddsaRdfc2022.CreateProof(unsignedDocument, ed25519Key, verificationMethod, created, documentLoader),
                EddsaJcs2022.Name => EddsaJcs2022.CreateProof(unsignedDocument, ed25519Key, verificationMethod, created),
                _ => throw new ArgumentException($"Unsupported cryptosuite '{cryptosuite}'.", nameof(cryptosuite)),
            };
        }
        catch (JsonLdException e)
        {
            throw new ArgumentException($"The document cannot be signed: {e.Message}", nameof(unsignedDocument), e);
        }
        catch (Rdfc10WorkLimitExceededException e)
        {
            throw new ArgumentException($"The document cannot be signed: {e.Message}", nameof(unsignedDocument), e);
        }

        var signed = unsignedDocument.DeepClone().AsObject();
        signed["proof"] = new JsonArray(proof.ToJsonObject());
        return signed;
    }
}
