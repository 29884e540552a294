using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MicroCredentials.Verification;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The JSON answer of <c>POST /api/verify</c>: the verdict, every check, every proof of the credential's proof set with its
/// own outcome, and what the credential says.
/// </summary>
internal sealed record VerificationResponse(
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("checks")] IReadOnlyList<VerificationResponse.Check> Checks,
    [property: JsonPropertyName("credential")] CredentialSummary? Credential,
    [property: JsonPropertyName("proofs")] IReadOnlyList<VerificationResponse.Proof> Proofs,
    [property: JsonPropertyName("demo")] bool Demo = false,
    [property: JsonPropertyName("superseded_by"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SupersededBy = null)
{
    /// <summary>
    /// For a file that is not confirmed (not genuine, another issuer) whose id we issued: the values in which it differs
    /// from the genuine credential (empty when only the signature differs); absent otherwise.
    /// </summary>
    [JsonPropertyName("genuine_differences")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Components.FactDifference>? GenuineDifferences { get; init; }

    /// <summary>
    /// <c>qr_code</c> when the upload was an image (a photo or screenshot of a certificate) whose QR code led to one of our
    /// certificates: the answer is then that certificate's verification; absent otherwise.
    /// </summary>
    [JsonPropertyName("read_from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReadFrom { get; init; }

    /// <summary>The verification link of the certificate the QR code led to (with <see cref="ReadFrom"/>); absent otherwise.</summary>
    [JsonPropertyName("verification_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VerificationUrl { get; init; }

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

    /// <summary>
    /// The answer for a report. <c>verified</c> is false for a credential signed with a published demo key even when its
    /// verdict is valid (<c>demo</c> is then true and a check says it proves nothing); <c>superseded_by</c> is the
    /// successor's verification link of a superseded credential.
    /// </summary>
    public static VerificationResponse From(VerificationReport report, string? supersededBy = null) => new(
        report.Verified && !report.SignedWithDemoKey,
        JsonNamingPolicy(report.Verdict.ToString()),
        [
            .. report.Checks.Select(c => new Check(JsonNamingPolicy(c.Id.ToString()), Status(c.Outcome), c.Reason, c.Detail)),
            .. report.SignedWithDemoKey ? [DemoKeyCheck] : Array.Empty<Check>(),
        ],
        report.Credential is JsonObject o ? CredentialSummary.From(o, "en") : null,
        report.Proofs.Select(p => new Proof(p.Index, p.Type, p.Cryptosuite, p.VerificationMethod, p.ProofPurpose, p.Created,
            Status(p.Outcome), p.Reason, p.Detail, p.Accepted)).ToList(),
        report.SignedWithDemoKey,
        supersededBy);

    // What a demo-key signature is worth, said where software reads the checks.
    private static readonly Check DemoKeyCheck = new(JsonNamingPolicy(nameof(CheckId.IssuerKey)), Status(CheckOutcome.Warning), VerificationReasons.DemoKey,
        "Signed with a published demo key (keys.example/): anyone can sign with it, so this proves nothing.");

    private static string Status(CheckOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>One check: <c>schema</c>, <c>proof</c>, <c>issuer_key</c>, <c>status</c>, <c>validity_period</c>, ….</summary>
    internal sealed record Check(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("detail")] string Detail);

    /// <summary>
    /// One proof of the proof set: what it says it is (<c>type</c>, <c>cryptosuite</c>, <c>verification_method</c>,
    /// <c>proof_purpose</c>, <c>created</c>) and its outcome; <c>accepted</c> marks the one the verdict rests on.
    /// </summary>
    internal sealed record Proof(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("cryptosuite")] string? Cryptosuite,
        [property: JsonPropertyName("verification_method")] string? VerificationMethod,
        [property: JsonPropertyName("proof_purpose")] string? ProofPurpose,
        [property: JsonPropertyName("created")] string? Created,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("detail")] string Detail,
        [property: JsonPropertyName("accepted")] bool Accepted);
}
