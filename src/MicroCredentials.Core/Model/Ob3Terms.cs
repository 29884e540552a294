namespace MicroCredentials.Model;

/// <summary>
/// Wire names and fixed IRIs of Open Badges 3.0, VC Data Model 2.0 and our micro-credential extension,
/// kept in one place (STYLE rule 9).
/// </summary>
public static class Ob3Terms
{
    /// <summary>W3C VC Data Model 2.0 base context; always first in <c>@context</c>.</summary>
    public const string VcV2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>Open Badges 3.0.3 context; always second.</summary>
    public const string Ob303Context = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>Open Badges extensions context (defines <c>1EdTechJsonSchemaValidator2019</c>).</summary>
    public const string ObExtensionsContext = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /// <summary>Our own versioned micro-credential extension context (EU Annex I elements OB has no field for).</summary>
    public const string MicroCredentialContext = "https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld";

    /// <summary>Namespace of the terms our extension context defines where ELM has no IRI.</summary>
    public const string MicroCredentialVocab = "https://credentials.nova-academy.be/vocab/microcredential#";

    /// <summary>The OB 3.0 AchievementCredential JSON Schema (plain JSON).</summary>
    public const string AchievementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>Schema validator type of <see cref="AchievementCredentialSchema"/>.</summary>
    public const string JsonSchemaValidator2019 = "1EdTechJsonSchemaValidator2019";

    /// <summary>The contexts of every credential we issue, in the order DESIGN §4 fixes.</summary>
    public static readonly IReadOnlyList<string> CredentialContexts =
        [VcV2Context, Ob303Context, ObExtensionsContext, MicroCredentialContext];

    /// <summary>Credential types we emit.</summary>
    public static readonly IReadOnlyList<string> CredentialTypes = ["VerifiableCredential", "OpenBadgeCredential"];

    /// <summary>OB <c>achievementType</c> of a micro-credential.</summary>
    public const string MicroCredentialAchievementType = "MicroCredential";

    /// <summary>IRI prefix of EQF levels in the EU vocabulary (<c>http://data.europa.eu/snb/eqf/6</c>).</summary>
    public const string EqfLevelPrefix = "http://data.europa.eu/snb/eqf/";

    /// <summary>Identity type of a hashed e-mail address.</summary>
    public const string IdentityTypeEmail = "emailAddress";

    /// <summary>Identity type of a plain-text name.</summary>
    public const string IdentityTypeName = "name";
}
