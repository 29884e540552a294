using System.Reflection;
using System.Text.Json.Nodes;
using MicroCredentials.Verification.Schemas;

namespace MicroCredentials.Verification;

/// <summary>
/// Validates credentials against the OB 3.0 AchievementCredential JSON Schema (draft 2019-09; OB 3.0 verification
/// step 1) and our micro-credential extension schema. Both schemas are embedded and compiled once; nothing is fetched.
/// Errors read "location: message", the location a JSON pointer into the credential.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Where the extension schema applies in a credential.</summary>
    public const string ExtensionLocation = "/credentialSubject/achievement";

    private static readonly Lazy<CompiledSchema> Ob3 = new(() => Load("Schemas/ob_v3p0_achievementcredential_schema.json"));
    private static readonly Lazy<CompiledSchema> Extension = new(() => Load("Schemas/microcredential-v1.schema.json"));

    /// <summary>The compiled OB 3.0 AchievementCredential schema.</summary>
    internal static CompiledSchema Ob3Schema => Ob3.Value;

    /// <summary>The compiled EU micro-credential extension schema (applies to <c>credentialSubject.achievement</c>).</summary>
    internal static CompiledSchema ExtensionSchema => Extension.Value;

    /// <summary>Validates a credential against the OB 3.0 schema; returns the errors (empty when valid).</summary>
    public static IReadOnlyList<string> ValidateOb3(JsonNode credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var errors = new List<string>();
        Ob3.Value.Validate(credential, errors);
        return errors;
    }

    /// <summary>
    /// Validates <c>credentialSubject.achievement</c> against our EU Annex I extension schema; returns the errors.
    /// </summary>
    public static IReadOnlyList<string> ValidateMicroCredentialExtension(JsonNode credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var achievement = Model.JsonRead.Member(Model.JsonRead.Member(credential, "credentialSubject"), "achievement");
        if (achievement is null)
        {
            return [ExtensionLocation + ": is missing (or credentialSubject is not one object)."];
        }

        var errors = new List<string>();
        Extension.Value.Validate(achievement, errors, ExtensionLocation);
        return errors;
    }

    /// <summary>
    /// What the schema step says about a <c>credentialStatus</c> array: not valid against the OB 3.0 schema, which
    /// allows one <c>CredentialStatus</c> object, although VC 2.0 allows several entries. A warning, not a failure: the
    /// credential can still be genuine and readable, but OB verifiers that validate the schema (ajv, the DCC verifier,
    /// the 1EdTech validator, which stops at schema errors) reject it.
    /// </summary>
    /// <param name="count">The number of entries in the array.</param>
    internal static string StatusArrayWarning(int count) =>
        $"Not valid against the Open Badges 3.0 schema: /credentialStatus is an array of {count} entries, and the OB 3.0 "
        + "schema allows one CredentialStatus object (VC 2.0 allows several; arrays are proposed for OB 3.1). Each entry "
        + "is valid on its own, but OB verifiers that validate the schema (ajv, the DCC verifier, the 1EdTech validator) reject the credential.";

    private static CompiledSchema Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return CompiledSchema.Compile(reader.ReadToEnd());
    }
}
