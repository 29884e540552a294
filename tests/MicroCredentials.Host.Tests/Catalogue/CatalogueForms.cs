using System.Text.Json;
using MicroCredentials.Catalog;
using SkiaSharp;

namespace MicroCredentials.Host.Tests.Catalogue;

/// <summary>The catalogue forms as a browser posts them, and logos to upload.</summary>
internal static class CatalogueForms
{
    /// <summary>The sample catalogue file.</summary>
    public static MicroCredentialCatalog Sample() =>
        CatalogLoader.Load(File.ReadAllText(Infrastructure.RepositoryPaths.File("samples", "catalog.json"))).Catalog!;

    /// <summary>The fields of the entry form for <paramref name="entry"/> (new when <paramref name="baseRevision"/> is 0).</summary>
    public static List<KeyValuePair<string, string>> EntryFields(MicroCredentialDefinition entry, int baseRevision)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("baseRevision", baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("code", entry.Code), new("version", entry.Version), new("ects", entry.Ects.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("notionalHours", entry.NotionalHours.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("eqfLevel", entry.EqfLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("fieldOfStudy", entry.FieldOfStudy ?? string.Empty), new("language", entry.Language ?? string.Empty), new("url", entry.Url ?? string.Empty),
        };
        var json = JsonSerializer.SerializeToNode(entry)!.AsObject();
        foreach (var field in new[] { "title", "description", "assessmentType", "participationMode", "qualityAssurance", "supervisionAndIdVerification", "prerequisites", "stackability", "criteria" })
        {
            foreach (var (language, text) in json[field]?.AsObject() ?? [])
            {
                fields.Add(new($"{field}.{language}", (string)text!));
            }
        }

        foreach (var (language, outcomes) in entry.LearningOutcomes ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            fields.Add(new($"learningOutcomes.{language}", string.Join('\n', outcomes)));
        }

        if (entry.GradingScale is { } scale)
        {
            fields.Add(new("gradingScale.resultType", scale.ResultType));
            fields.Add(new("gradingScale.min", scale.Min ?? string.Empty));
            fields.Add(new("gradingScale.max", scale.Max ?? string.Empty));
            fields.Add(new("gradingScale.pass", scale.Pass ?? string.Empty));
            fields.AddRange(scale.Name.Select(n => new KeyValuePair<string, string>($"gradingScale.name.{n.Key}", n.Value)));
        }

        return fields;
    }

    /// <summary>A new micro-credential made from the sample's first, under another code.</summary>
    public static MicroCredentialDefinition NewEntry(string code) => Sample().MicroCredentials[0] with
    {
        Code = code,
        Title = new Dictionary<string, string> { ["nl"] = "Klinische datakwaliteit", ["en"] = "Clinical Data Quality", ["fr"] = "Qualité des données cliniques" },
    };

    /// <summary>A logo: a navy square with a white bar, as PNG or JPEG.</summary>
    public static byte[] Logo(int width = 120, int height = 60, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x12, 0x2B, 0x5C));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(width / 4f, height / 3f, width / 2f, height / 3f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The institution form's fields with the sample issuer's values.</summary>
    public static List<KeyValuePair<string, string>> IssuerFields(IssuerProfileDefinition issuer, int baseRevision)
    {
        var json = JsonSerializer.SerializeToNode(issuer)!.AsObject();
        var fields = new List<KeyValuePair<string, string>> { new("baseRevision", baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("form", "issuer") };
        foreach (var (name, value) in json)
        {
            if (value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && name != "logo")
            {
                fields.Add(new(name, text));
            }
        }

        fields.AddRange((issuer.SignatoryTitle ?? new Dictionary<string, string>()).Select(t => new KeyValuePair<string, string>($"signatoryTitle.{t.Key}", t.Value)));
        return fields;
    }
}
