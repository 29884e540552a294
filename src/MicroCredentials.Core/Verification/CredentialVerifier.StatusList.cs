using System.Text.Json.Nodes;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    // A VC 2.0 document typed BitstringStatusListCredential: a status list, not a certificate (our own GET /status/{n}).
    private static bool IsStatusListCredential(JsonObject document) =>
        JsonRead.String(JsonRead.First(document["@context"])) == Ob3Terms.VcV2Context
        && JsonRead.Strings(document["type"]).Contains(StatusListTerms.BitstringStatusListCredential);

    /// <summary>
    /// Verifies an uploaded status list credential as what it is (Bitstring Status List v1.0 §2.2): readable as a list,
    /// its proof set (the same rules as a credential's), the issuer's key, its validity period. Genuine and ours is
    /// <see cref="Verdict.StatusListCredential"/> — never <see cref="Verdict.Valid"/>, because it is not a certificate.
    /// </summary>
    private VerificationReport VerifyStatusListCredential(JsonObject document, CancellationToken budget)
    {
        var read = StatusListCredential.Read(document);
        if (!read.Succeeded)
        {
            return Unreadable("The document is typed as a Bitstring Status List credential but cannot be read as one: " + read.Detail, document);
        }

        if (DataIntegrity.DataIntegrityVerifier.ProofNodes(document).Count > CoreLimits.MaxProofsPerCredential)
        {
            return Unreadable($"The status list credential carries more than {CoreLimits.MaxProofsPerCredential} proofs.", document);
        }

        var checks = new List<VerificationCheck>
        {
            new(CheckId.Format, CheckOutcome.Pass, VerificationReasons.StatusListCredential,
                "A Bitstring Status List credential: the issuer's list of revoked or suspended certificates, not a certificate itself."),
            new(CheckId.Schema, CheckOutcome.Skipped, VerificationReasons.StatusListCredential,
                "Not applicable: a status list is not an Open Badges credential."),
        };
        budget.ThrowIfCancellationRequested();
        var proofs = CheckProofSet(document, checks, budget);
        budget.ThrowIfCancellationRequested();
        checks.Add(new(CheckId.Status, CheckOutcome.Skipped, VerificationReasons.StatusListCredential, "Not applicable: a status list has no status of its own."));
        checks.Add(CheckValidityPeriod(document));
        var verdict = Decide(checks) switch
        {
            Verdict.Valid or Verdict.ValidStatusUnknown => Verdict.StatusListCredential,
            var other => other,
        };
        return new VerificationReport { Verdict = verdict, Checks = checks, Credential = document, Proofs = proofs };
    }
}
