using System.Globalization;
using MicroCredentials.Catalog;

namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The catalogue form of one micro-credential: every field by its name (<c>title.nl</c>, <c>ects</c>,
/// <c>learningOutcomes.en</c> one outcome per line …), read from a post within the form bounds and turned into the
/// catalogue model, or filled from a stored version for editing. Texts are per language (nl, en, fr).
/// </summary>
public sealed class CatalogueEntryForm
{
    /// <summary>The languages the form asks each text in (Dutch and English are required by the check, French is optional).</summary>
    public static readonly IReadOnlyList<string> Languages = LocalizedText.CertificateLanguages;

    /// <summary>The per-language texts, in the order of the form (the EU Annex I elements first).</summary>
    public static readonly IReadOnlyList<string> TextFields =
        ["title", "description", "learningOutcomes", "assessmentType", "participationMode", "qualityAssurance", "supervisionAndIdVerification",
            "prerequisites", "stackability", "criteria"];

    /// <summary>The single-valued fields.</summary>
    public static readonly IReadOnlyList<string> SingleFields = ["code", "version", "ects", "notionalHours", "eqfLevel", "fieldOfStudy", "language", "url"];

    /// <summary>The grading scale's fields (its name is per language).</summary>
    public static readonly IReadOnlyList<string> GradingFields = ["gradingScale.resultType", "gradingScale.min", "gradingScale.max", "gradingScale.pass"];

    /// <summary>The result types the check accepts; empty means pass/fail without a mark.</summary>
    public static readonly IReadOnlyList<string> ResultTypes = ["ScaledScore", "Percent", "LetterGrade", "Status"];

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    /// <summary>The revision the form was opened on (0 for a new micro-credential).</summary>
    public int BaseRevision { get; private init; }

    /// <summary>The raw value of a field ("" when empty).</summary>
    public string this[string field] => values.GetValueOrDefault(field, string.Empty);

    /// <summary>The form of a stored entry.</summary>
    public static CatalogueEntryForm FromDefinition(MicroCredentialDefinition d, int revision)
    {
        var form = new CatalogueEntryForm { BaseRevision = revision };
        form.values["code"] = d.Code;
        form.values["version"] = d.Version;
        form.values["ects"] = d.Ects == 0 ? string.Empty : d.Ects.ToString(CultureInfo.InvariantCulture);
        form.values["notionalHours"] = d.NotionalHours == 0 ? string.Empty : d.NotionalHours.ToString(CultureInfo.InvariantCulture);
        form.values["eqfLevel"] = d.EqfLevel == 0 ? string.Empty : d.EqfLevel.ToString(CultureInfo.InvariantCulture);
        form.values["fieldOfStudy"] = d.FieldOfStudy ?? string.Empty;
        form.values["language"] = d.Language ?? string.Empty;
        form.values["url"] = d.Url ?? string.Empty;
        foreach (var field in TextFields)
        {
            foreach (var language in Languages)
            {
                form.values[$"{field}.{language}"] = field == "learningOutcomes"
                    ? string.Join('\n', d.LearningOutcomes?.GetValueOrDefault(language) ?? [])
                    : Text(d, field)?.GetValueOrDefault(language) ?? string.Empty;
            }
        }

        if (d.GradingScale is { } scale)
        {
            form.values["gradingScale.resultType"] = scale.ResultType;
            form.values["gradingScale.min"] = scale.Min ?? string.Empty;
            form.values["gradingScale.max"] = scale.Max ?? string.Empty;
            form.values["gradingScale.pass"] = scale.Pass ?? string.Empty;
            foreach (var language in Languages)
            {
                form.values[$"gradingScale.name.{language}"] = scale.Name.GetValueOrDefault(language) ?? string.Empty;
            }
        }

        return form;
    }

    /// <summary>Reads a posted form; null when it is beyond the form bounds (<see cref="HostLimits"/>).</summary>
    public static CatalogueEntryForm? FromForm(IFormCollection posted)
    {
        if (posted.Count > HostLimits.CatalogueMaxFormFields)
        {
            return null;
        }

        _ = int.TryParse(posted["baseRevision"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision);
        var form = new CatalogueEntryForm { BaseRevision = revision };
        foreach (var name in AllFields())
        {
            var value = posted[name].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            if (value.Length > HostLimits.CatalogueFieldMaxLength)
            {
                return null;
            }

            form.values[name] = value;
        }

        return Languages.Any(l => Lines(form[$"learningOutcomes.{l}"]).Count > HostLimits.CatalogueMaxOutcomes) ? null : form;
    }

    /// <summary>The micro-credential the form describes; the ESCO skills (not on the form) are kept from <paramref name="previous"/>.</summary>
    public MicroCredentialDefinition ToDefinition(MicroCredentialDefinition? previous) => new()
    {
        Code = this["code"],
        Version = this["version"],
        Title = Map("title"),
        Description = Map("description"),
        Ects = decimal.TryParse(this["ects"].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ects) ? ects : 0,
        NotionalHours = int.TryParse(this["notionalHours"], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ? hours : 0,
        EqfLevel = int.TryParse(this["eqfLevel"], NumberStyles.None, CultureInfo.InvariantCulture, out var eqf) ? eqf : 0,
        LearningOutcomes = Outcomes(),
        FieldOfStudy = Optional("fieldOfStudy"),
        AssessmentType = Map("assessmentType"),
        ParticipationMode = Map("participationMode"),
        QualityAssurance = Map("qualityAssurance"),
        Prerequisites = Map("prerequisites"),
        SupervisionAndIdVerification = Map("supervisionAndIdVerification"),
        Stackability = Map("stackability"),
        Language = Optional("language"),
        GradingScale = this["gradingScale.resultType"] is { Length: > 0 } type
            ? new GradingScale { ResultType = type, Name = Map("gradingScale.name") ?? new Dictionary<string, string>(), Min = Optional("gradingScale.min"),
                Max = Optional("gradingScale.max"), Pass = Optional("gradingScale.pass") }
            : null,
        Criteria = Map("criteria"),
        Url = Optional("url"),
        EscoSkills = previous?.EscoSkills,
    };

    /// <summary>The form field that shows <paramref name="error"/> (<c>title.nl</c>), or null when no field of the form does.</summary>
    public static string? FieldOf(CatalogError error)
    {
        var field = error.Language is { } language ? $"{error.Element}.{language}" : error.Element;
        return AllFields().Contains(field) ? field : null;
    }

    /// <summary>Every field name of the form.</summary>
    public static IEnumerable<string> AllFields() =>
        SingleFields.Concat(GradingFields)
            .Concat(TextFields.SelectMany(f => Languages.Select(l => $"{f}.{l}")))
            .Concat(Languages.Select(l => $"gradingScale.name.{l}"));

    private string? Optional(string field) => this[field] is { Length: > 0 } v ? v : null;

    private Dictionary<string, string>? Map(string field)
    {
        var map = Languages.Where(l => this[$"{field}.{l}"].Length > 0).ToDictionary(l => l, l => this[$"{field}.{l}"]);
        return map.Count == 0 ? null : map;
    }

    private Dictionary<string, IReadOnlyList<string>>? Outcomes()
    {
        var map = Languages.Where(l => this[$"learningOutcomes.{l}"].Length > 0)
            .ToDictionary(l => l, l => (IReadOnlyList<string>)Lines(this[$"learningOutcomes.{l}"]));
        return map.Count == 0 ? null : map;
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    private static IReadOnlyDictionary<string, string>? Text(MicroCredentialDefinition d, string field) => field switch
    {
        "title" => d.Title,
        "description" => d.Description,
        "assessmentType" => d.AssessmentType,
        "participationMode" => d.ParticipationMode,
        "qualityAssurance" => d.QualityAssurance,
        "prerequisites" => d.Prerequisites,
        "supervisionAndIdVerification" => d.SupervisionAndIdVerification,
        "stackability" => d.Stackability,
        "criteria" => d.Criteria,
        _ => null,
    };
}
