namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// Which learner field each spreadsheet column holds: guessed from the header (Dutch, English and French names), then
/// set by the staff member. A field name is one the learners reader takes (<c>email</c>, <c>name</c>, …); empty
/// means the column is ignored.
/// </summary>
internal static class ColumnMapping
{
    /// <summary>The learner fields in the order the mapping form offers them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["email", "name", "code", "awarded", "grade", "start", "end", "language"];

    /// <summary>The fields every row needs.</summary>
    public static readonly IReadOnlyList<string> Required = ["email", "name", "code", "awarded"];

    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["email"] = ["email", "e-mail", "e-mailadres", "emailadres", "e-mail address", "email address", "mail", "courriel", "adresse e-mail", "adresse électronique"],
        ["name"] = ["name", "naam", "full name", "volledige naam", "nom", "nom complet", "student", "deelnemer", "learner", "participant"],
        ["code"] = ["code", "micro-credential", "microcredential", "course", "opleidingscode", "opleiding", "cursus", "cours", "formation"],
        ["awarded"] = ["awarded", "award date", "date awarded", "datum", "toegekend", "datum toekenning", "deliberatie", "date", "date d'obtention", "date de délivrance"],
        ["grade"] = ["grade", "mark", "cijfer", "score", "resultaat", "note", "résultat"],
        ["start"] = ["start", "start date", "begindatum", "begin", "startdatum", "début", "date de début"],
        ["end"] = ["end", "end date", "einddatum", "einde", "fin", "date de fin"],
        ["language"] = ["language", "taal", "langue", "lang"],
    };

    /// <summary>The field each header cell names, or empty; a field is given to its first column only.</summary>
    public static IReadOnlyList<string> Guess(IReadOnlyList<string> header)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return [.. header.Select(h =>
        {
            var normalized = h.Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var field = Names.FirstOrDefault(n => n.Value.Contains(normalized)).Key;
            return field is not null && taken.Add(field) ? field : string.Empty;
        })];
    }

    /// <summary>A mapping sent by the form, one value per column; unknown values are ignored columns.</summary>
    public static IReadOnlyList<string> FromForm(IFormCollection form, int columns) =>
        [.. Enumerable.Range(0, columns).Select(i => form[$"map-{i}"].ToString() is var f && Fields.Contains(f) ? f : string.Empty)];

    /// <summary>The key a mapping is remembered under: the SHA-256 of the normalised header cells.</summary>
    public static string HeaderKey(IReadOnlyList<string> header) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\u001f', header.Select(h => h.Trim().ToLowerInvariant())))));

    /// <summary>A remembered mapping (fields joined with <c>;</c>) for a header of <paramref name="columns"/> cells, or null.</summary>
    public static IReadOnlyList<string>? Parse(string? remembered, int columns) =>
        remembered?.Split(';') is { } fields && fields.Length == columns ? [.. fields.Select(f => Fields.Contains(f) ? f : string.Empty)] : null;

    /// <summary>Required fields no column holds.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> mapping) => [.. Required.Where(f => !mapping.Contains(f))];
}
