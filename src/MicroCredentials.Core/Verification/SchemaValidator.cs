using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MicroCredentials.Verification;

/// <summary>
/// Validates credentials against the OB 3.0 AchievementCredential JSON Schema (draft 2019-09; OB 3.0 verification
/// step 1) and our micro-credential extension schema. Both schemas are embedded; nothing is fetched.
/// </summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Ob3 = new(() => Load("Schemas/ob_v3p0_achievementcredential_schema.json"));
    private static readonly Lazy<JsonSchema> Extension = new(() => Load("Schemas/microcredential-v1.schema.json"));

    /// <summary>Validates a credential against the OB 3.0 schema; returns the errors (empty when valid).</summary>
    public static IReadOnlyList<string> ValidateOb3(JsonNode credential) => Evaluate(Ob3.Value, credential);

    /// <summary>
    /// Validates <c>credentialSubject.achievement</c> against our EU Annex I extension schema; returns the errors.
    /// </summary>
    public static IReadOnlyList<string> ValidateMicroCredentialExtension(JsonNode credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var achievement = credential["credentialSubject"]?["achievement"];
        return achievement is null
            ? ["credentialSubject.achievement is missing."]
            : Evaluate(Extension.Value, achievement);
    }

    private static List<string> Evaluate(JsonSchema schema, JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // Straight from the tree to an element: no intermediate JSON string.
        var element = JsonSerializer.SerializeToElement(node);
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        foreach (var detail in result.Details ?? [])
        {
            // Failed branches of an anyOf/oneOf that another branch satisfied are noise, not errors.
            var path = detail.EvaluationPath.ToString();
            if (path.Contains("/anyOf/", StringComparison.Ordinal) || path.Contains("/oneOf/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (_, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                errors.Add($"{detail.InstanceLocation}: {message}");
            }
        }

        return errors.Count > 0 ? errors : ["the document does not match the schema."];
    }

    private static JsonSchema Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
