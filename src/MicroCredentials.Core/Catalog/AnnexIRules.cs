namespace MicroCredentials.Catalog;

/// <summary>
/// The per-entry checks of <see cref="CatalogLoader"/>: the EU Annex I mandatory elements a catalogue entry must
/// give (2 title, 6 learning outcomes, 7 workload, 8 level, 9 assessment, 10 participation, 11 quality assurance;
/// 1, 3, 4 and 5 come from the learner row, the issuer and the award date), in every supported language.
/// </summary>
internal static class AnnexIRules
{
    public static IEnumerable<CatalogError> Check(MicroCredentialDefinition mc, string entry)
    {
        if (string.IsNullOrWhiteSpace(mc.Code) || mc.Code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            yield return new(entry, "code", "the code must be letters, digits, '-', '_' or '.' (it becomes part of the achievement id).") { Key = "Catalogue.Check.Code" };
        }

        if (string.IsNullOrWhiteSpace(mc.Version))
        {
            yield return new(entry, "version", "the catalogue version (e.g. 2025-2026) is missing.") { Key = "Catalogue.Check.Version" };
        }

        foreach (var e in Texts(entry, "title", "title (EU Annex I element 2)", mc.Title))
        {
            yield return e;
        }

        foreach (var e in Texts(entry, "description", "description", mc.Description))
        {
            yield return e;
        }

        foreach (var lang in LocalizedText.SupportedLanguages)
        {
            if (mc.LearningOutcomes is null || !mc.LearningOutcomes.TryGetValue(lang, out var list) || list.Count == 0
                || list.Any(string.IsNullOrWhiteSpace))
            {
                yield return new(entry, "learningOutcomes", $"learning outcomes in '{lang}' are missing or empty (EU Annex I element 6).")
                {
                    Key = "Catalogue.Check.LearningOutcomes", Arguments = [lang], Language = lang,
                };
            }
        }

        if (mc.Ects <= 0 || mc.Ects > 60)
        {
            yield return new(entry, "ects", "the workload in ECTS credits is missing or not between 0 and 60 (EU Annex I element 7).") { Key = "Catalogue.Check.Ects" };
        }

        if (mc.NotionalHours <= 0)
        {
            yield return new(entry, "notionalHours", "the notional workload in hours is missing (EU Annex I element 7).") { Key = "Catalogue.Check.NotionalHours" };
        }

        if (mc.EqfLevel is < 1 or > 8)
        {
            yield return new(entry, "eqfLevel", "the EQF level must be 1 to 8 (EU Annex I element 8).") { Key = "Catalogue.Check.EqfLevel" };
        }

        foreach (var e in Texts(entry, "assessmentType", "type of assessment (EU Annex I element 9)", mc.AssessmentType))
        {
            yield return e;
        }

        foreach (var e in Texts(entry, "participationMode", "form of participation (EU Annex I element 10)", mc.ParticipationMode))
        {
            yield return e;
        }

        foreach (var e in Texts(entry, "qualityAssurance", "type of quality assurance (EU Annex I element 11)", mc.QualityAssurance))
        {
            yield return e;
        }

        if (mc.GradingScale is { } scale && scale.ResultType is not ("ScaledScore" or "Status" or "Percent" or "LetterGrade"))
        {
            yield return new(entry, "gradingScale.resultType", "use ScaledScore, Percent, LetterGrade or Status.") { Key = "Catalogue.Check.ResultType" };
        }
    }

    private static IEnumerable<CatalogError> Texts(string entry, string element, string what, IReadOnlyDictionary<string, string>? map)
    {
        foreach (var lang in LocalizedText.SupportedLanguages)
        {
            if (map is null || !map.TryGetValue(lang, out var text) || string.IsNullOrWhiteSpace(text))
            {
                yield return new(entry, element, $"the {what} in '{lang}' is missing.") { Key = "Catalogue.Check.Missing." + element, Arguments = [lang], Language = lang };
            }
        }
    }
}
