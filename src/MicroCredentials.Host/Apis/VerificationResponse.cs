using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MicroCredentials.Verification;

namespace MicroCredentials.Host.Apis;

/// <summary>The JSON answer of <c>POST /api/verify</c>: the verdict, every check, and what the credential says.</summary>
internal sealed record VerificationResponse(
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("checks")] IReadOnlyList<VerificationResponse.Check> Checks,
    [property: JsonPropertyName("credential")] CredentialSummary? Credential)
{
    public static VerificationResponse From(VerificationReport report) => new(
        report.Verified,
        JsonNamingPolicy(report.Verdict.ToString()),
        report.Checks.Select(c => new Check(JsonNamingPolicy(c.Id.ToString()), c.Outcome.ToString().ToLowerInvariant(), c.Reason, c.Detail)).ToList(),
        report.Credential is JsonObject o ? CredentialSummary.From(o, "en") : null);

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>One check: <c>schema</c>, <c>proof</c>, <c>issuer_key</c>, <c>status</c>, <c>validity_period</c>, ….</summary>
    internal sealed record Check(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("detail")] string Detail);
}
