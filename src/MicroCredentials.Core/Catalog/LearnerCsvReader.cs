using System.Globalization;
using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// Reads the learners CSV exported by the student administration. Accepts <c>;</c> (Excel in Belgium), <c>,</c>
/// or tab as separator (detected from the header), RFC 4180 quoting, a UTF-8 BOM, header names in English or
/// Dutch, and dates as <c>2026-02-06</c> or <c>6/02/2026</c>. Each bad row is reported with file, line, field and
/// reason; the good rows are kept.
/// </summary>
public static partial class LearnerCsvReader
{
    /// <summary>The columns, each with its accepted header names.</summary>
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["email"] = ["email", "e-mail", "e-mailadres", "emailadres", "mail"],
        ["name"] = ["name", "naam", "full name", "volledige naam"],
        ["code"] = ["code", "micro-credential", "microcredential", "course", "opleidingscode"],
        ["awarded"] = ["awarded", "award date", "datum", "toegekend", "deliberatie"],
        ["grade"] = ["grade", "mark", "cijfer", "score", "resultaat"],
        ["start"] = ["start", "start date", "begindatum", "begin"],
        ["end"] = ["end", "end date", "einddatum", "einde"],
        ["language"] = ["language", "taal", "langue", "lang"],
    };

    /// <summary>The languages a learner's e-mail can be written in (the optional language column).</summary>
    public static readonly IReadOnlyList<string> Languages = ["nl", "en", "fr"];

    private static readonly string[] Required = ["email", "name", "code", "awarded"];

    /// <summary>Reads a CSV file and checks each row against the catalogue.</summary>
    /// <param name="path">The file.</param>
    /// <param name="catalog">The catalogue the codes and grades are checked against.</param>
    /// <param name="today">Today (<see cref="AwardDates.Today"/>): no award date may lie after it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<LearnerCsvResult> ReadFileAsync(string path, MicroCredentialCatalog catalog, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new LearnerCsvResult { Errors = [new LearnerRowError(name, 0, "file", "the file does not exist.")] };
        }

        var text = await File.ReadAllTextAsync(path, System.Text.Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Read(text, name, catalog, today);
    }

    /// <summary>Reads CSV text; <paramref name="fileName"/> names it in errors.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="fileName">Names the file in errors (<c>file:line: field: reason</c>).</param>
    /// <param name="catalog">The catalogue the codes and grades are checked against.</param>
    /// <param name="today">Today (<see cref="AwardDates.Today"/>): no award date may lie after it.</param>
    public static LearnerCsvResult Read(string text, string fileName, MicroCredentialCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        var records = ParseRecords(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            return new LearnerCsvResult { Errors = [new LearnerRowError(fileName, 1, "header", "the file is empty; expected a header line such as email;name;code;awarded;grade;start;end.")] };
        }

        var (headerLine, header) = records[0];
        var map = MapHeader(header);
        var missing = Required.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new LearnerCsvResult
            {
                Errors = [new LearnerRowError(fileName, headerLine, "header", $"missing column(s) {string.Join(", ", missing)}; the header must name email, name, code and awarded (grade, start and end are optional).")],
            };
        }

        var rows = new List<LearnerRow>();
        var errors = new List<LearnerRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = ReadRow(fileName, line, fields, map, catalog, today, errors);
            if (row is null)
            {
                continue;
            }

            var key = $"{row.NormalizedEmail}|{row.Code.ToUpperInvariant()}|{row.Awarded:yyyy-MM-dd}";
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(new(fileName, line, "email", $"the same learner, micro-credential and award date already appear on line {first}."));
                continue;
            }

            seen[key] = line;
            rows.Add(row);
        }

        return new LearnerCsvResult { Rows = rows, Errors = errors };
    }

    private static LearnerRow? ReadRow(string file, int line, IReadOnlyList<string> fields, Dictionary<string, int> map,
        MicroCredentialCatalog catalog, DateOnly today, List<LearnerRowError> errors)
    {
        string Get(string column) => map.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : string.Empty;
        var before = errors.Count;

        var email = Get("email");
        if (EmailProblem(email) is { } emailProblem)
        {
            errors.Add(new(file, line, "email", emailProblem));
        }

        var name = LearnerName.Check(Get("name"));
        if (name.Problem is { } nameProblem)
        {
            errors.Add(new(file, line, "name", nameProblem));
        }
        else if (CertificateCharacters.Problem(name.Name!, "the name") is { } unprintable)
        {
            // Printed on the certificate: refused rather than issued with empty boxes.
            errors.Add(new(file, line, "name", unprintable));
        }

        var code = Get("code");
        var mc = catalog.Find(code);
        if (mc is null)
        {
            errors.Add(new(file, line, "code", $"'{LearnerName.Shown(code)}' is not in the catalogue (known: {string.Join(", ", catalog.MicroCredentials.Select(m => m.Code))})."));
        }

        var awarded = ParseDate(Get("awarded"));
        if (awarded is null)
        {
            errors.Add(new(file, line, "awarded", $"'{LearnerName.Shown(Get("awarded"))}' is not a date; write 2026-02-06 or 6/02/2026."));
        }

        DateOnly? start = null, end = null;
        foreach (var (column, assign) in new (string, Action<DateOnly?>)[] { ("start", d => start = d), ("end", d => end = d) })
        {
            var raw = Get(column);
            if (raw.Length == 0)
            {
                continue;
            }

            var d = ParseDate(raw);
            if (d is null)
            {
                errors.Add(new(file, line, column, $"'{LearnerName.Shown(raw)}' is not a date; write 2026-02-06 or 6/02/2026."));
            }
            else if (AwardDates.YearProblem(d.Value) is { } yearProblem)
            {
                errors.Add(new(file, line, column, yearProblem));
            }

            assign(d);
        }

        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new(file, line, "end", "the end date is before the start date."));
        }

        if (awarded is { } a && AwardDates.AwardedProblem(a, start, today) is { } awardedProblem)
        {
            errors.Add(new(file, line, "awarded", awardedProblem));
        }

        var grade = Get("grade");
        if (mc is not null && GradeProblem(mc, grade) is { } problem)
        {
            errors.Add(new(file, line, "grade", problem));
        }

        var language = Get("language").ToLowerInvariant();
        if (language.Length > 0 && !Languages.Contains(language))
        {
            errors.Add(new(file, line, "language", $"'{LearnerName.Shown(language)}' is not a language we write in; write nl, en or fr (or leave it empty)."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new LearnerRow
        {
            Line = line,
            Email = email,
            Name = name.Name!,
            Code = mc!.Code,
            Awarded = awarded!.Value,
            Grade = grade.Length == 0 ? null : grade,
            Start = start,
            End = end,
            Language = language.Length == 0 ? null : language,
        };
    }

    private static string? GradeProblem(MicroCredentialDefinition mc, string grade)
    {
        var scale = mc.GradingScale;
        if (scale is null || scale.ResultType == "Status")
        {
            return grade.Length == 0 ? null : $"{mc.Code} is pass/fail; leave the grade empty.";
        }

        if (grade.Length == 0)
        {
            return $"{mc.Code} is graded; the grade is missing.";
        }

        if (scale.ResultType is "ScaledScore" or "Percent")
        {
            if (!decimal.TryParse(grade.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return $"'{LearnerName.Shown(grade)}' is not a number.";
            }

            var min = decimal.Parse(scale.Min ?? "0", CultureInfo.InvariantCulture);
            var max = decimal.Parse(scale.Max ?? "100", CultureInfo.InvariantCulture);
            if (value < min || value > max)
            {
                return $"{LearnerName.Shown(grade)} is outside the scale {min}–{max}.";
            }

            if (scale.Pass is { } pass && value < decimal.Parse(pass, CultureInfo.InvariantCulture))
            {
                return $"{grade} is below the pass mark {pass}; only learners who passed get a credential.";
            }
        }

        return null;
    }

    private static string? EmailProblem(string email)
    {
        if (email.Length == 0)
        {
            return "the e-mail address is empty.";
        }

        if (email.Length > CoreLimits.MaxEmailLength)
        {
            return $"the e-mail address is {email.Length} characters long; at most {CoreLimits.MaxEmailLength} are allowed.";
        }

        return IsPlausibleEmail(email) ? null : $"'{LearnerName.Shown(email)}' is not an e-mail address.";
    }

    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && !LearnerName.HasInvisibleCharacters(email);
    }

    private static DateOnly? ParseDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim().ToLowerInvariant();
            foreach (var (column, names) in Columns)
            {
                if (names.Contains(h) && !map.ContainsKey(column))
                {
                    map[column] = i;
                }
            }
        }

        return map;
    }
}
