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
    /// <summary>
    /// For a file that is not confirmed (not genuine, another issuer) whose id we issued: the values in which it differs
    /// from the genuine credential (empty when only the signature differs); absent otherwise.
    /// </summary>
    [JsonPropertyName("genuine_differences")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Components.FactDifference>? GenuineDifferences { get; init; }

    /// <summary>Every value of <c>verdict</c>, as the API writes it.</summary>
    public static readonly IReadOnlyList<string> Verdicts = [.. Enum.GetValues<Verdict>().Select(v => JsonNamingPolicy(v.ToString()))];

    /// <summary>Every value of a check's <c>id</c>.</summary>
    public static readonly IReadOnlyList<string> CheckIds = [.. Enum.GetValues<CheckId>().Select(v => JsonNamingPolicy(v.ToString()))];

    /// <summary>Every value of a check's <c>status</c>.</summary>
    public static readonly IReadOnlyList<string> CheckStatuses = [.. Enum.GetValues<CheckOutcome>().Select(Status)];

    /// <summary>Every value of a check's <c>reason</c> (the constants of <see cref="VerificationReasons"/>).</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        .. typeof(VerificationReasons).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];

    public static VerificationResponse From(VerificationReport report) => new(
        report.Verified,
        JsonNamingPolicy(report.Verdict.ToString()),
        report.Checks.Select(c => new Check(JsonNamingPolicy(c.Id.ToString()), Status(c.Outcome), c.Reason, c.Detail)).ToList(),
        report.Credential is JsonObject o ? CredentialSummary.From(o, "en") : null);

    private static string Status(CheckOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>One check: <c>schema</c>, <c>proof</c>, <c>issuer_key</c>, <c>status</c>, <c>validity_period</c>, ….</summary>
    internal sealed record Check(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("detail")] string Detail);
}
