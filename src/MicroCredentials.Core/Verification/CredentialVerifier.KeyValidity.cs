using System.Text.Json.Nodes;
using MicroCredentials.Keys;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    /// <summary>
    /// After a key rotation: the key the verdict rests on must have been the issuer's signing key on the credential's
    /// date (the later of <c>validFrom</c> and the proof's <c>created</c>). A credential dated after its key's retirement
    /// (a leaked or retired key used later) fails the issuer-key check with <see cref="VerificationReasons.KeyRetired"/>.
    /// </summary>
    private IReadOnlyList<ProofResult> CheckKeyValidity(JsonObject credential, List<VerificationCheck> checks, IReadOnlyList<ProofResult> proofs)
    {
        var accepted = proofs.FirstOrDefault(p => p.Accepted);
        if (_options.KeyValidity is null || accepted?.VerificationMethod is not { } key || _options.KeyValidity(key) is not { } window)
        {
            return proofs;
        }

        DateTimeOffset?[] dates = [ReadDate(credential["validFrom"]), ReadDate(accepted.Created is { } created ? JsonValue.Create(created) : null)];
        if (dates.OfType<DateTimeOffset>().ToList() is not { Count: > 0 } known)
        {
            return proofs;
        }

        var dated = known.Max();
        if (window.Contains(dated))
        {
            return proofs;
        }

        var detail = window.ValidUntil is { } until && dated >= until
            ? $"The credential is dated {dated:yyyy-MM-dd HH:mm:ss} UTC, but its key {key} was retired on {until:yyyy-MM-dd HH:mm:ss} UTC: "
              + "a credential made after the retirement with the old key is not the issuer's."
            : $"The credential is dated {dated:yyyy-MM-dd HH:mm:ss} UTC, before its key {key} came into use ({window.ValidFrom:yyyy-MM-dd HH:mm:ss} UTC).";
        var index = checks.FindIndex(c => c.Id == CheckId.IssuerKey && c.Outcome == CheckOutcome.Pass);
        var failed = new VerificationCheck(CheckId.IssuerKey, CheckOutcome.Fail, VerificationReasons.KeyRetired, detail);
        if (index >= 0)
        {
            checks[index] = failed;
        }
        else
        {
            checks.Add(failed);
        }

        return [.. proofs.Select(p => p == accepted ? p with { Accepted = false, Outcome = CheckOutcome.Fail, Reason = VerificationReasons.KeyRetired, Detail = detail } : p)];
    }
}
