using System.Globalization;
using System.Text.RegularExpressions;
using MicroCredentials.Model;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// The printable values of one credential in one language, each read from the signed credential. Missing optional
/// elements are null and their lines are left out.
/// </summary>
internal sealed partial record CertificateFacts
{
    public required string Institution { get; init; }
    public string? InstitutionPlace { get; init; }
    public required string LearnerName { get; init; }
    public required string Title { get; init; }
    public string? Statement { get; init; }
    public string? Ects { get; init; }
    public int? EqfLevel { get; init; }
    public string? Grade { get; init; }
    public required string AwardDate { get; init; }
    public required string IssueDate { get; init; }
    public required IReadOnlyList<string> LearningOutcomes { get; init; }
    public string? Workload { get; init; }
    public string? Assessment { get; init; }
    public string? Participation { get; init; }
    public string? Supervision { get; init; }
    public string? QualityAssurance { get; init; }
    public string? Prerequisites { get; init; }
    public string? Stackability { get; init; }
    public string? CourseCode { get; init; }
    public string? Period { get; init; }
    public required string CredentialId { get; init; }

    /// <summary>Reads the facts of <paramref name="credential"/> in the language of <paramref name="labels"/>.</summary>
    public static CertificateFacts From(OpenBadgeCredential credential, CertificateLabels labels)
    {
        var subject = credential.CredentialSubject;
        var achievement = subject.Achievement;
        var language = labels.LanguageKey;
        var ects = achievement.EctsCredits ?? achievement.CreditsAvailable ?? subject.CreditsEarned;
        return new CertificateFacts
        {
            Institution = credential.Issuer.Name,
            InstitutionPlace = Place(credential.Issuer.Address),
            LearnerName = subject.LearnerName
                ?? throw new ArgumentException("The credential names no learner (no plain-text name identifier).", nameof(credential)),
            Title = Pick(achievement.LocalizedName, language) ?? achievement.Name,
            Statement = Pick(achievement.LocalizedDescription, language) ?? achievement.Description,
            Ects = ects is { } credits ? FormatEcts(credits, labels) : null,
            EqfLevel = achievement.EqfLevelNumber,
            Grade = GradeOf(subject, achievement),
            AwardDate = FormatDate(credential.AwardedDate ?? credential.ValidFrom, labels),
            IssueDate = FormatDate(credential.ValidFrom, labels),
            LearningOutcomes = Pick(achievement.LearningOutcome, language) ?? [],
            Workload = WorkloadOf(achievement.NotionalWorkload, labels),
            Assessment = Pick(achievement.AssessmentType, language),
            Participation = Pick(achievement.ParticipationMode, language),
            Supervision = Pick(achievement.SupervisionAndIdVerification, language),
            QualityAssurance = Pick(achievement.QualityAssurance, language),
            Prerequisites = Pick(achievement.Prerequisites, language),
            Stackability = Pick(achievement.Stackability, language),
            CourseCode = achievement.HumanCode,
            Period = subject is { ActivityStartDate: { } start, ActivityEndDate: { } end }
                ? $"{FormatDate(start, labels)} – {FormatDate(end, labels)}"
                : subject.Term,
            CredentialId = credential.Id,
        };
    }

    /// <summary>ECTS as printed: <c>6 ECTS</c>, <c>4,5 ECTS</c> (nl) or <c>4.5 ECTS</c> (en); fr as nl.</summary>
    public static string FormatEcts(decimal credits, CertificateLabels labels)
    {
        var number = credits.ToString("0.##", CultureInfo.InvariantCulture);
        // Dutch and French write a decimal comma.
        return (labels.LanguageKey is "nl" or "fr" ? number.Replace('.', ',') : number) + " ECTS";
    }

    /// <summary>A date as printed: <c>30 June 2026</c> / <c>30 juni 2026</c> (UTC calendar date of the credential).</summary>
    public static string FormatDate(DateTimeOffset date, CertificateLabels labels)
    {
        var utc = date.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc.Day} {labels.Months[utc.Month - 1]} {utc.Year}");
    }

    private static T? Pick<T>(IReadOnlyDictionary<string, T>? map, string language) where T : class =>
        map is null ? null
        : map.TryGetValue(language, out var value) ? value
        : map.TryGetValue("en", out var english) ? english
        : map.TryGetValue("nl", out var dutch) ? dutch
        : map.Values.FirstOrDefault();

    private static string? Place(Address? address) =>
        address is null ? null
        : string.Join(", ", new[] { address.AddressLocality, address.AddressCountry }.Where(p => !string.IsNullOrWhiteSpace(p)))
            is { Length: > 0 } place ? place : null;

    private static string? GradeOf(AchievementSubject subject, Achievement achievement)
    {
        if (subject.Result is not [{ Value: { Length: > 0 } value } result, ..])
        {
            return null;
        }
        var scale = achievement.ResultDescription?.FirstOrDefault(d => d.Id == result.ResultDescription);
        return scale?.ValueMax is { Length: > 0 } max ? $"{value}/{max}" : value;
    }

    private static string? WorkloadOf(string? duration, CertificateLabels labels)
    {
        if (duration is null)
        {
            return null;
        }
        var match = HoursPattern().Match(duration);
        return match.Success ? $"{match.Groups[1].Value} {labels.Hours}" : duration;
    }

    [GeneratedRegex(@"^PT(\d+)H$", RegexOptions.CultureInvariant)]
    private static partial Regex HoursPattern();
}
