using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Model;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    /// <summary>
    /// The proof step over the whole proof set (VC Data Integrity 1.0 §2.1.1): every proof is verified on its own. The
    /// verdict rests on the first valid <c>assertionMethod</c> proof by a key the issuer controls (OB 3.0 verification
    /// §6.1 step 3); without one, on the most telling proof (see below). Every other proof becomes an <see cref="CheckId.AdditionalProof"/> check with its own
    /// outcome — shown, never dropped, never counted.
    /// </summary>
    private List<ProofResult> CheckProofSet(JsonObject credential, List<VerificationCheck> checks, CancellationToken budget)
    {
        var nodes = DataIntegrityVerifier.ProofNodes(credential);
        var results = DataIntegrityVerifier.VerifyEach(credential, _dataIntegrityKeys, cancellationToken: budget);
        var issuerId = IssuerId(credential);
        if (results.Count == 0)
        {
            checks.Add(new(CheckId.Proof, CheckOutcome.Fail, VerificationReasons.NoProof, "The credential carries no proof, so nothing shows who issued it."));
            return [];
        }

        static bool Asserts(DataIntegrityVerificationResult r) => r.IsValid && r.Proof!.ProofPurpose == DataIntegrityProof.AssertionMethod;
        var accepted = IndexOf(results, r => Asserts(r) && Controls(issuerId, r.Proof!.VerificationMethod));

        // Without an accepted proof the verdict explains the most telling one: a valid assertion by another key, a valid
        // signature for another purpose, a signature by a key we hold that does not match, else the first proof.
        int[] candidates =
        [
            accepted,
            IndexOf(results, Asserts),
            IndexOf(results, r => r.IsValid),
            IndexOf(results, r => r.Failure is DataIntegrityFailure.SignatureInvalid or DataIntegrityFailure.CanonicalizationFailed),
            0,
        ];
        var primary = candidates.First(i => i >= 0);
        checks.AddRange(PrimaryProofChecks(results[primary], issuerId));

        var proofs = results.Select((r, i) => Describe(i, nodes[i], r, issuerId, accepted: i == accepted)).ToList();
        for (var i = 0; i < proofs.Count; i++)
        {
            if (i != primary)
            {
                var position = string.Create(CultureInfo.InvariantCulture, $"Proof {i + 1} of {proofs.Count}");
                checks.Add(new(CheckId.AdditionalProof, proofs[i].Outcome, proofs[i].Reason, $"{position} ({proofs[i].VerificationMethod ?? "no key named"}): {proofs[i].Detail}"));
            }
        }

        return proofs;
    }

    private IEnumerable<VerificationCheck> PrimaryProofChecks(DataIntegrityVerificationResult result, string? issuerId)
    {
        if (result.IsValid && result.Proof!.ProofPurpose != DataIntegrityProof.AssertionMethod)
        {
            yield return new(CheckId.Proof, CheckOutcome.Fail, VerificationReasons.WrongPurpose,
                $"The signature is valid but was made for '{result.Proof.ProofPurpose}', not to assert the credential (assertionMethod): "
                + "nothing shows that the issuer issued it.");
            yield break;
        }

        if (result.IsValid)
        {
            var vm = result.Proof!.VerificationMethod;
            yield return new(CheckId.Proof, CheckOutcome.Pass, VerificationReasons.Ok,
                $"The {result.Proof.Cryptosuite} signature is valid: nothing was changed since signing.");
            yield return Controls(issuerId, vm)
                ? new(CheckId.IssuerKey, CheckOutcome.Pass, VerificationReasons.Ok, $"Signed with {vm}, a key the issuer {issuerId} publishes.")
                : new(CheckId.IssuerKey, CheckOutcome.Fail, VerificationReasons.UnknownKey, $"The signing key {vm} is not controlled by the issuer {issuerId}.");
            yield break;
        }

        if (result.Failure is DataIntegrityFailure.UnknownVerificationMethod && IsAnotherIssuers(issuerId, result.Proof?.VerificationMethod))
        {
            foreach (var another in AnotherIssuersChecks(issuerId))
            {
                yield return another;
            }

            yield break;
        }

        var (reason, check) = result.Failure switch
        {
            DataIntegrityFailure.NoProof => (VerificationReasons.NoProof, CheckId.Proof),
            DataIntegrityFailure.UnknownVerificationMethod or DataIntegrityFailure.InvalidPublicKey => (VerificationReasons.UnknownKey, CheckId.IssuerKey),
            DataIntegrityFailure.SignatureInvalid or DataIntegrityFailure.CanonicalizationFailed => (VerificationReasons.SignatureInvalid, CheckId.Proof),
            _ => (VerificationReasons.ProofUnsupported, CheckId.Proof),
        };
        var detail = reason switch
        {
            VerificationReasons.SignatureInvalid => "The signature does not match the content: the credential was changed after signing. " + result.Detail,
            VerificationReasons.UnknownKey => $"The signing key is not one the issuer publishes. {result.Detail}",
            _ => result.Detail ?? "The proof cannot be checked.",
        };
        yield return new(check, CheckOutcome.Fail, reason, detail);
        if (check == CheckId.IssuerKey)
        {
            yield return new(CheckId.Proof, CheckOutcome.Skipped, VerificationReasons.UnknownKey, "Without the issuer's key the signature cannot be checked.");
        }
    }

    // One proof as the report lists it: what it says it is, and what became of it.
    private static ProofResult Describe(int index, JsonNode? node, DataIntegrityVerificationResult result, string? issuerId, bool accepted)
    {
        var proof = result.Proof;
        var vm = proof?.VerificationMethod ?? JsonRead.String(JsonRead.Member(node, "verificationMethod"));
        var purpose = proof?.ProofPurpose ?? JsonRead.String(JsonRead.Member(node, "proofPurpose"));
        var (outcome, reason, detail) = result.Failure switch
        {
            null when purpose != DataIntegrityProof.AssertionMethod => (CheckOutcome.Skipped, VerificationReasons.WrongPurpose,
                $"A valid signature, but made for '{purpose}', not to assert the credential: it does not count."),
            null when !Controls(issuerId, vm) => (CheckOutcome.Fail, VerificationReasons.UnknownKey,
                $"A valid signature, but its key is not controlled by the issuer {issuerId}."),
            null => (CheckOutcome.Pass, VerificationReasons.Ok,
                accepted ? "Valid: the issuer's signature, on which the verdict rests." : "Valid: a further signature by the issuer's key."),
            DataIntegrityFailure.UnknownVerificationMethod or DataIntegrityFailure.InvalidPublicKey => (CheckOutcome.Warning, VerificationReasons.UnknownKey,
                "Made with a key this service does not know: not checked, and not an endorsement by anyone."),
            DataIntegrityFailure.SignatureInvalid or DataIntegrityFailure.CanonicalizationFailed => (CheckOutcome.Fail, VerificationReasons.SignatureInvalid,
                "The signature does not match the content. " + result.Detail),
            DataIntegrityFailure.UnsupportedCryptosuite => (CheckOutcome.Warning, VerificationReasons.ProofUnsupported,
                "Not checked: " + result.Detail),
            _ => (CheckOutcome.Fail, VerificationReasons.ProofUnsupported, result.Detail ?? "The proof cannot be read."),
        };
        return new ProofResult
        {
            Index = index,
            Type = proof?.Type ?? JsonRead.String(JsonRead.Member(node, "type")),
            Cryptosuite = proof?.Cryptosuite ?? JsonRead.String(JsonRead.Member(node, "cryptosuite")),
            VerificationMethod = vm,
            ProofPurpose = purpose,
            Created = proof?.Created ?? JsonRead.String(JsonRead.Member(node, "created")),
            Outcome = outcome,
            Reason = reason,
            Detail = detail,
            Accepted = accepted,
        };
    }

    // The JWS of a VC-JWT as the one proof of its "proof set".
    private static ProofResult JwtProof(JwtVerificationResult result, IReadOnlyList<VerificationCheck> checks)
    {
        var proofCheck = checks.FirstOrDefault(c => c.Id == CheckId.Proof && c.Outcome != CheckOutcome.Skipped)
            ?? checks.First(c => c.Id is CheckId.Proof or CheckId.IssuerKey);
        var issuerCheck = checks.FirstOrDefault(c => c.Id == CheckId.IssuerKey);
        var accepted = proofCheck.Outcome == CheckOutcome.Pass && issuerCheck?.Outcome == CheckOutcome.Pass;
        var shown = accepted || issuerCheck?.Outcome != CheckOutcome.Fail ? proofCheck : issuerCheck;
        return new ProofResult
        {
            Index = 0,
            Type = "JWS",
            Cryptosuite = result.Algorithm,
            VerificationMethod = result.KeyId,
            ProofPurpose = DataIntegrityProof.AssertionMethod,
            Outcome = shown.Outcome,
            Reason = shown.Reason,
            Detail = shown.Detail,
            Accepted = accepted,
        };
    }

    private static bool Controls(string? issuerId, string? verificationMethod) =>
        issuerId is not null && verificationMethod is not null && verificationMethod.StartsWith(issuerId + "#", StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<DataIntegrityVerificationResult> results, Func<DataIntegrityVerificationResult, bool> match)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (match(results[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
