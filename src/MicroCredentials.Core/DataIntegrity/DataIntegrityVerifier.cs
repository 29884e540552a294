using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// Verifies the Data Integrity proofs of a document (VC Data Integrity 1.0 §4.4 "Verify Proof", §2.1.1 proof sets,
/// vc-di-eddsa §3.3.2 / §3.4.2). Never throws for a bad document: every problem is a <see cref="DataIntegrityFailure"/>.
/// </summary>
public static partial class DataIntegrityVerifier
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
    /// Ed25519-verify. At most <see cref="CoreLimits.MaxProofsPerCredential"/> proofs are looked at.
    /// </remarks>
    public static DataIntegrityVerificationResult Verify(
        JsonObject document,
        Func<string, byte[]?> resolveEd25519PublicKey,
        DocumentLoader? documentLoader = null,
        string expectedProofPurpose = DataIntegrityProof.AssertionMethod)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resolveEd25519PublicKey);
        var proofs = ProofNodes(document);
        if (proofs.Count == 0)
        {
            return DataIntegrityVerificationResult.Fail(DataIntegrityFailure.NoProof, "The document has no proof.");
        }

        var unsecured = new UnsecuredDocument(document, documentLoader);
        DataIntegrityVerificationResult? firstFailure = null;
        foreach (var proof in proofs.Take(CoreLimits.MaxProofsPerCredential))
        {
            var result = VerifyOne(unsecured, proof, resolveEd25519PublicKey, expectedProofPurpose, CancellationToken.None);
            if (result.IsValid)
            {
                return result;
            }

            firstFailure ??= result;
        }

        return firstFailure!;
    }

    /// <summary>
    /// Verifies every proof of the document's proof set (VC Data Integrity 1.0 §2.1.1), each on its own, whatever its
    /// purpose: the caller decides which proof counts (OB 3.0: a valid <c>assertionMethod</c> proof by the issuer) and
    /// shows the others. A proof that verifies has a <see langword="null"/> failure and its purpose in
    /// <see cref="DataIntegrityVerificationResult.Proof"/>.
    /// </summary>
    /// <param name="document">The secured document.</param>
    /// <param name="resolveEd25519PublicKey">Verification method → raw Ed25519 public key, or null when unknown.</param>
    /// <param name="documentLoader">Where JSON-LD contexts come from; default the embedded standard contexts.</param>
    /// <param name="cancellationToken">Checked before each proof and between the canonicalisations.</param>
    /// <returns>One result per proof, in document order (empty when the document has no proof); at most
    /// <see cref="CoreLimits.MaxProofsPerCredential"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<DataIntegrityVerificationResult> VerifyEach(
        JsonObject document,
        Func<string, byte[]?> resolveEd25519PublicKey,
        DocumentLoader? documentLoader = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resolveEd25519PublicKey);
        var unsecured = new UnsecuredDocument(document, documentLoader);
        var results = new List<DataIntegrityVerificationResult>();
        foreach (var proof in ProofNodes(document).Take(CoreLimits.MaxProofsPerCredential))
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(VerifyOne(unsecured, proof, resolveEd25519PublicKey, expectedPurpose: null, cancellationToken));
        }

        return results;
    }

    /// <summary>The members of the document's <c>proof</c>: none, one, or the elements of an array.</summary>
    internal static IReadOnlyList<JsonNode?> ProofNodes(JsonObject document) =>
        document.TryGetPropertyValue("proof", out var proofNode) ? Model.JsonRead.Many(proofNode) : [];

    private static DataIntegrityVerificationResult VerifyOne(
        UnsecuredDocument document, JsonNode? proofNode, Func<string, byte[]?> resolve, string? expectedPurpose, CancellationToken cancellationToken)
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

        if (expectedPurpose is not null && proof.ProofPurpose != expectedPurpose)
        {
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.WrongProofPurpose, $"The proof purpose is '{proof.ProofPurpose}', expected '{expectedPurpose}'.", proof);
        }

        if (((JsonObject)proofNode!).ContainsKey("previousProof"))
        {
            // A proof chain signs the document with its previous proofs (VC-DI §2.1.2); we verify proof sets only.
            return DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.UnsupportedCryptosuite, "The proof is part of a proof chain (previousProof), which is not supported.", proof);
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

        var (hashData, failure, detail) = document.HashData((JsonObject)proofNode, proof, cancellationToken);
        if (failure is { } f)
        {
            return DataIntegrityVerificationResult.Fail(f, detail!, proof);
        }

        return Ed25519Proofs.Verify(publicKey!, hashData, signature)
            ? DataIntegrityVerificationResult.Valid(proof)
            : DataIntegrityVerificationResult.Fail(
                DataIntegrityFailure.SignatureInvalid, "The signature does not match the document and proof.", proof);
    }
}
