using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;

namespace MicroCredentials.Host.Apis;

internal static partial class IssuanceApi
{
    /// <summary>One award to issue: the same fields as a CSV row.</summary>
    internal sealed record IssueRequest(string? Email, string? Name, string? Code, string? Awarded, string? Grade, string? Start, string? End)
    {
        public string ToCsv() => RowCsv(Email, Name, Code, Awarded, Grade, Start, End);
    }

    /// <summary>
    /// One learner as the CSV the reader checks (every field quoted, so a ';' or '"' in a value stays in its field):
    /// the API applies exactly the CSV's rules.
    /// </summary>
    internal static string RowCsv(string? email, string? name, string? code, string? awarded, string? grade, string? start, string? end) =>
        "email;name;code;awarded;grade;start;end\n"
        + string.Join(';', new[] { email, name, code, awarded, grade, start, end }.Select(v => "\"" + (v ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))
        + "\n";

    /// <summary>A status change: the reason is kept in the audit log.</summary>
    internal sealed record StatusChangeRequest(string? Reason);

    /// <summary>
    /// A correction: the learner's e-mail (needed again; only its hash is stored) and the corrected name and/or grade.
    /// A different e-mail is refused unless <paramref name="EmailCorrection"/> is true, with a <paramref name="Reason"/>
    /// for the audit log: the administrator states the learner's address itself was wrong.
    /// </summary>
    internal sealed record ReissueRequest(string? Email, string? Name, string? Grade, bool? EmailCorrection, string? Reason);

    /// <summary>What issuing one award gave: the links to hand on to the graduate.</summary>
    internal sealed record IssuedResponse(int? Line, string Outcome, string? Reason, string? Name, string? Code, string? Id, string? ShortCode,
        string? VerificationUrl, string? DownloadUrl)
    {
        public static IssuedResponse From(IssueResult r) => new(r.Line, r.Outcome.ToString(), r.Reason, r.LearnerName, r.Code, r.Credential?.Id,
            r.Credential?.ShortCode, r.VerificationUrl, r.DownloadUrl);
    }

    /// <summary>A batch's outcome: counts and every row.</summary>
    internal sealed record BatchResponse(bool DryRun, int Issued, int WouldIssue, int AlreadyIssued, int Rejected, IReadOnlyList<IssuedResponse> Rows);

    /// <summary>A stored credential in a list.</summary>
    internal sealed record StoredSummary(string Id, string Handle, string ShortCode, string AchievementId, DateTimeOffset IssuedAt, string State, string? SupersededBy)
    {
        public static StoredSummary From(StoredCredential c) => new(c.Id, c.Handle, c.ShortCode, c.AchievementId, c.IssuedAt, StateOf(c), c.SupersededBy);

        public static string StateOf(StoredCredential c) => c.SupersededBy is not null ? "superseded" : c.IsRevoked ? "revoked" : c.IsSuspended ? "suspended" : "active";
    }

    /// <summary>A stored credential with its signed forms and links.</summary>
    internal sealed record StoredDetail(string Id, string Handle, string ShortCode, string State, string? RevocationReason, string? Supersedes,
        string? SupersededBy, string VerificationUrl, string DownloadUrl, JsonNode Credential, string? Jwt)
    {
        public static StoredDetail From(StoredCredential c, IssuanceService issuance) => new(c.Id, c.Handle, c.ShortCode, StoredSummary.StateOf(c),
            c.RevocationReason, c.Supersedes, c.SupersededBy, issuance.Options.VerificationUrl(c.Handle), issuance.DownloadUrlFor(c.Id),
            JsonNode.Parse(c.CredentialJson)!, c.Jwt);
    }

    /// <summary>The award facts of a stored credential, for a correction (the API's re-issue and the staff app's).</summary>
    internal sealed record CredentialFacts(string Name, string Code, string Awarded, string Grade, string Start, string End)
    {
        public static CredentialFacts From(StoredCredential stored)
        {
            var json = IssuanceService.ParseCredential(stored);
            var subject = json["credentialSubject"]!;
            string Date(JsonNode? n) => n is null ? string.Empty : DateTimeOffset.Parse((string)n!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = subject["identifier"]!.AsArray().First(i => (string?)i!["identityType"] == "name")!["identityHash"]!.GetValue<string>();
            return new CredentialFacts(
                name,
                (string)subject["achievement"]!["humanCode"]!,
                Date(json["awardedDate"]),
                (string?)subject["result"]?[0]?["value"] ?? string.Empty,
                Date(subject["activityStartDate"]),
                Date(subject["activityEndDate"]));
        }
    }
}
