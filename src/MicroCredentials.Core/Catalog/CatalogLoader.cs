using System.Text.Json;

namespace MicroCredentials.Catalog;

/// <summary>
/// Loads the academy's catalogue (JSON) and checks that every micro-credential carries every EU Annex I mandatory
/// element (Council Recommendation 2022/C 243/02; STANDARDS §8.1) in both Dutch and English.
/// </summary>
public static class CatalogLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Loads and validates a catalogue file.</summary>
    public static async Task<CatalogLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return Fail(path, "file", "the catalogue file does not exist.");
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Load(json, Path.GetFileName(path));
    }

    /// <summary>Parses and validates catalogue JSON; <paramref name="source"/> names it in errors.</summary>
    public static CatalogLoadResult Load(string json, string source = "catalogue")
    {
        ArgumentNullException.ThrowIfNull(json);
        MicroCredentialCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<MicroCredentialCatalog>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            return Fail(source, ex.Path ?? "json", $"not a valid catalogue{where}: {ex.Message}");
        }

        if (catalog is null)
        {
            return Fail(source, "json", "the file is empty.");
        }

        var errors = Validate(catalog);
        return errors.Count == 0 ? new CatalogLoadResult { Catalog = catalog } : new CatalogLoadResult { Errors = errors };
    }

    /// <summary>Checks every entry for every Annex I mandatory element; returns all problems.</summary>
    public static IReadOnlyList<CatalogError> Validate(MicroCredentialCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<CatalogError>();
        var issuer = catalog.Issuer;
        if (string.IsNullOrWhiteSpace(issuer.Name))
        {
            errors.Add(new("issuer", "name", "the awarding body's name is missing (EU Annex I element 4).") { Key = "Catalogue.Check.IssuerName" });
        }

        if (issuer.CountryCode is not { Length: 2 } || !issuer.CountryCode.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new("issuer", "countryCode", "the issuer's country must be a two-letter ISO 3166 code such as BE (EU Annex I element 3).") { Key = "Catalogue.Check.IssuerCountry" });
        }

        errors.AddRange(SignatoryTitleErrors(issuer));
        if (issuer.Logo is { } logo && LogoImage.FromDataUri(logo).Error is { } logoError)
        {
            errors.Add(logoError);
        }

        if (catalog.MicroCredentials.Count == 0)
        {
            errors.Add(new("catalogue", "microCredentials", "the catalogue lists no micro-credentials.") { Key = "Catalogue.Check.NoEntries" });
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mc in catalog.MicroCredentials)
        {
            var entry = string.IsNullOrWhiteSpace(mc.Code) ? "(entry without code)" : mc.Code;
            if (!seen.Add(entry))
            {
                errors.Add(new(entry, "code", "the code is used by more than one entry.") { Key = "Catalogue.Check.DuplicateCode" });
            }

            errors.AddRange(AnnexIRules.Check(mc, entry));
            errors.AddRange(UnprintableText(mc, entry));
        }

        return errors;
    }

    /// <summary>A signatory with a function needs the function in every certificate language, or the English certificate prints Dutch.</summary>
    private static IEnumerable<CatalogError> SignatoryTitleErrors(IssuerProfileDefinition issuer)
    {
        var hasTitle = issuer.Signatory?.Contains(',', StringComparison.Ordinal) == true || issuer.SignatoryTitle is not null;
        if (!hasTitle)
        {
            yield break;
        }
        var offered = string.Join(", ", LocalizedText.CertificateLanguages);
        foreach (var language in LocalizedText.CertificateLanguages)
        {
            if (issuer.SignatoryTitle is null || !issuer.SignatoryTitle.TryGetValue(language, out var title) || string.IsNullOrWhiteSpace(title))
            {
                yield return new("issuer", "signatoryTitle",
                    $"the signatory's function in '{language}' is missing; certificates are offered in {offered}, so give signatoryTitle in each.")
                {
                    Key = "Catalogue.Check.SignatoryTitle", Arguments = [language, offered], Language = language,
                };
            }
        }
    }

    /// <summary>The printed texts of an entry (title, description, learning outcomes) that hold characters the certificate cannot draw.</summary>
    private static IEnumerable<CatalogError> UnprintableText(MicroCredentialDefinition mc, string entry)
    {
        foreach (var (element, map) in new[] { ("title", mc.Title), ("description", mc.Description) })
        {
            foreach (var (language, text) in map ?? new Dictionary<string, string>())
            {
                if (CertificateCharacters.Problem(text.Normalize(System.Text.NormalizationForm.FormC), $"the {element} ({language})") is { } problem)
                {
                    yield return new(entry, element, problem) { Key = "Catalogue.Check.Unprintable", Arguments = [language, problem], Language = language };
                }
            }
        }
        foreach (var (language, outcomes) in mc.LearningOutcomes ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var outcome in outcomes)
            {
                if (CertificateCharacters.Problem(outcome.Normalize(System.Text.NormalizationForm.FormC), $"a learning outcome ({language})") is { } problem)
                {
                    yield return new(entry, "learningOutcomes", problem) { Key = "Catalogue.Check.Unprintable", Arguments = [language, problem], Language = language };
                    break;
                }
            }
        }
    }

    private static CatalogLoadResult Fail(string entry, string element, string message) =>
        new() { Errors = [new CatalogError(entry, element, message) { Key = "Catalogue.Check.File", Arguments = [message] }] };
}
