using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.DataIntegrity;

public static partial class DataIntegrityVerifier
{
    /// <summary>
    /// The document without <c>proof</c>, shared by every proof of a proof set: its RDFC-1.0 canonical form (or the
    /// reason it has none) is computed once.
    /// </summary>
    private sealed class UnsecuredDocument(JsonObject secured, DocumentLoader? documentLoader)
    {
        private JsonObject? document;
        private byte[]? canonical;
        private (DataIntegrityFailure Failure, string Detail)? canonicalFailure;

        private JsonObject Document => document ??= WithoutProof(secured);

        /// <summary>hashData of this document and <paramref name="proofObject"/> without its <c>proofValue</c>, or why it
        /// cannot be computed.</summary>
        public (byte[] HashData, DataIntegrityFailure? Failure, string? Detail) HashData(
            JsonObject proofObject, DataIntegrityProof proof, CancellationToken cancellationToken)
        {
            var proofOptions = new JsonObject();
            foreach (var (name, value) in proofObject)
            {
                if (name != "proofValue")
                {
                    proofOptions[name] = value?.DeepClone();
                }
            }

            if (proof.Cryptosuite == EddsaJcs2022.Name)
            {
                return Jcs(proofOptions);
            }

            if (canonical is null && canonicalFailure is null)
            {
                (canonical, canonicalFailure) = Guard(() => EddsaRdfc2022.CanonicalDocument(Document, documentLoader));
            }

            if (canonicalFailure is { } failed)
            {
                return ([], failed.Failure, failed.Detail);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (!EddsaJcs2022.ContextMatches(Document, proofOptions))
            {
                // vc-di-eddsa §3.3.2: a proof's own @context must be a prefix of the document's.
                return ([], DataIntegrityFailure.SignatureInvalid, "The document @context does not start with the proof's @context.");
            }

            // The configuration takes the document's @context unless the proof carries its own, as jsonld.js does
            // ({'@context': document['@context'], ...proof}): both verifiers then hash the same configuration.
            Document.TryGetPropertyValue("@context", out var context);
            var configContext = proofOptions.ContainsKey("@context") ? null : context;
            var (hashData, failure) = Guard(() => EddsaRdfc2022.HashData(proofOptions, configContext, canonical!, documentLoader));
            return (hashData ?? [], failure?.Failure, failure?.Detail);
        }

        private (byte[], DataIntegrityFailure?, string?) Jcs(JsonObject proofOptions)
        {
            var unsecured = (JsonObject)Document.DeepClone();
            if (!EddsaJcs2022.ContextMatches(unsecured, proofOptions))
            {
                // A document whose @context differs from the signed one is not the signed document.
                return ([], DataIntegrityFailure.SignatureInvalid, "The document @context does not start with the proof's @context.");
            }

            if (proofOptions.TryGetPropertyValue("@context", out var context))
            {
                unsecured["@context"] = context?.DeepClone();
            }

            var (hashData, failure) = Guard(() => EddsaJcs2022.HashData(unsecured, proofOptions));
            return (hashData ?? [], failure?.Failure, failure?.Detail);
        }

        private static JsonObject WithoutProof(JsonObject secured)
        {
            var unsecured = new JsonObject();
            foreach (var (name, value) in secured)
            {
                if (name != "proof")
                {
                    unsecured[name] = value?.DeepClone();
                }
            }

            return unsecured;
        }

        private static (byte[]? Result, (DataIntegrityFailure Failure, string Detail)? Failure) Guard(Func<byte[]> canonicalize)
        {
            try
            {
                return (canonicalize(), null);
            }
            catch (JsonLdException e)
            {
                return (null, (DataIntegrityFailure.CanonicalizationFailed, $"JSON-LD (safe mode) rejected the document: {e.Message}"));
            }
            catch (Rdfc10WorkLimitExceededException e)
            {
                return (null, (DataIntegrityFailure.CanonicalizationFailed, e.Message));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
            {
                // Verification never throws for a bad document: anything the JSON or JSON-LD layers reject is a failure.
                return (null, (DataIntegrityFailure.CanonicalizationFailed, $"The document cannot be canonicalized: {e.Message}"));
            }
        }
    }
}
