using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// Verifies the Data Integrity proofs of a document (VC Data Integrity 1.0 §4.4 "Verify Proof", vc-di-eddsa
/// §3.3.2 / §3.4.2). Never throws for a bad document: every problem is a <see cref="DataIntegrityFailure"/>.
/// </summary>
public static class DataIntegrityVerifier
{
    /// <summary>
    /// Verifies the document's proof (a single object or an array; one valid proof suffices).
    /// </summary>
    /// <param name="document">The secured document.</param>
    /// <param name="resolveEd25519PublicKey">Maps a <c>verificationMethod</c> URL to its raw 32-byte Ed25519 public
    /// key, or <see langword="null"/> when unknown (the caller checks that the method belongs to the issuer).</param>
    /// <param name="documentLoader">Where JSON-LD contexts come from; default the embedded standard contexts.</param>
    /// <param name="expectedProofPurpose">Default <c>assertionMethod</c>.</param>
    /// <returns>The first valid proof, or the failure of the first proof when none verifies.</returns>
    /// <remarks>
    /// Steps per proof: read it (<see cref="DataIntegrityFailure.MalformedProof"/>), check type and cryptosuite
    /// (<see cref="DataIntegrityFailure.UnsupportedCryptosuite"/>) and purpose
    /// (<see cref="DataIntegrityFailure.WrongProofPurpose"/>), resolve the key, canonicalize the document without
    /// <c>proof</c> and the proof without <c>proofValue</c> in JSON-LD safe mode (a term no context defines is not
    /// covered by any signature and fails as <see cref="DataIntegrityFailure.CanonicalizationFailed"/>), then
    /// Ed25519-verify.
    /// </remarks>
    public static DataIntegrityVerificationResult Verify(
        JsonObject document,
        Func<string, byte[]?> resolveEd25519PublicKey,
        DocumentLoader? documentLoader = null,
        string expectedProofPurpose = DataIntegrityProof.AssertionMethod)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resolveEd25519PublicKey);
        if (!document.TryGetPropertyValue("proof", out var proofNode) || proofNode is null
            || proofNode is JsonArray { Count: 0 })
        {
            return DataIntegrityVerificationResult.Fail(DataIntegrityFailure.NoProof, "The document has no proof.");
        }

        var proofs = proofNode is JsonArray array ? [.. array] : new List<JsonNode?> { proofNode };
        DataIntegrityVerificationResult? firstFailure = null;
        foreach (var proof in proofs)
        {
            var result = VerifyOne(document, proof, resolveEd25519PublicKey, documentLoader, expectedProofPurpose);
            if (result.IsValid)
            {
                return result;
            }

            firstFailure ??= result;
        }

        return firstFailure!;
    }

    private static DataIntegrityVerificationResult VerifyOne(
        JsonObject document, JsonNode? proofNode, Func<string, byte[]?> resolve, DocumentLoader? documentLoader, string expectedPurpose)
    {
        if (DataIntegrityProof.TryRead(proofNode, out var error) is not { } proof)
        {
            return DataIntegrityVerificationResult.Fail(DataIntegrityFailure.MalformedProof, $"Malformed proof: {error}.");
        }

        if (proof.Type != DataIntegrityProof.DataIntegrityProofType || proof.Cryptosuite is not (EddsaRdfc2022.Name or EddsaJcs2022.Name))
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.UnsupportedCryptosuite, $"Unsupported proof type '{proof.Type}' / cryptosuite '{proof.Cryptosuite}'.", proof);
        }

        if (proof.ProofPurpose != expectedPurpose)
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.WrongProofPurpose, $"The proof purpose is '{proof.ProofPurpose}', expected '{expectedPurpose}'.", proof);
        }

        if (!Ed25519Proofs.TryDecodeProofValue(proof.ProofValue, out var signature))
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.MalformedProof, "The proofValue is not a multibase base58btc 64-byte signature.", proof);
        }

        if (resolve(proof.VerificationMethod) is not { } rawKey)
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.UnknownVerificationMethod, $"No key is known for {proof.VerificationMethod}.", proof);
        }

        if (!Ed25519Proofs.TryImportPublicKey(rawKey, out var publicKey))
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.InvalidPublicKey, $"The key of {proof.VerificationMethod} is not an Ed25519 public key.", proof);
        }

        var (hashData, failure, detail) = HashData(document, proofNode!.AsObject(), proof, documentLoader);
        if (failure is { } f)
        {
            return DataIntegrityVerificationResult.Fail(f, detail!, proof);
        }

        return Ed25519Proofs.Verify(publicKey!, hashData, signature)
            ? DataIntegrityVerificationResult.Valid(proof)
            : DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.SignatureInvalid, "The signature does not match the document and proof.", proof);
    }

    /// <summary>hashData of the document without <c>proof</c> and the proof without <c>proofValue</c>, or why it
    /// cannot be computed.</summary>
    private static (byte[] HashData, DataIntegrityFailure? Failure, string? Detail) HashData(
        JsonObject document, JsonObject proofObject, DataIntegrityProof proof, DocumentLoader? documentLoader)
    {
        var unsecured = new JsonObject();
        foreach (var (name, value) in document)
        {
            if (name != "proof")
            {
                unsecured[name] = value?.DeepClone();
            }
        }

        var proofOptions = new JsonObject();
        foreach (var (name, value) in proofObject)
        {
            if (name != "proofValue")
            {
                proofOptions[name] = value?.DeepClone();
            }
        }

        try
        {
            if (proof.Cryptosuite == EddsaJcs2022.Name)
            {
                if (!EddsaJcs2022.ContextMatches(unsecured, proofOptions))
                {
                    // A document whose @context differs from the signed one is not the signed document.
                    return ([], DataIntegrityFailure.SignatureInvalid, "The document @context does not start with the proof's @context.");
                }

                if (proofOptions.TryGetPropertyValue("@context", out var context))
                {
                    unsecured["@context"] = context?.DeepClone();
                }

                return (EddsaJcs2022.HashData(unsecured, proofOptions), null, null);
            }

            return (EddsaRdfc2022.HashData(unsecured, proofOptions, documentLoader), null, null);
        }
        catch (JsonLdException e)
        {
            return ([], DataIntegrityFailure.CanonicalizationFailed, $"JSON-LD (safe mode) rejected the document: {e.Message}");
        }
        catch (Rdfc10WorkLimitExceededException e)
        {
            return ([], DataIntegrityFailure.CanonicalizationFailed, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // Verification never throws for a bad document: anything the JSON or JSON-LD layers reject is a failure.
            return ([], DataIntegrityFailure.CanonicalizationFailed, $"The document cannot be canonicalized: {e.Message}");
        }
    }
}
