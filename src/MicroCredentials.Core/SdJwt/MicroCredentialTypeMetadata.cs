using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>
/// The SD-JWT VC type metadata of our micro-credential type (draft-ietf-oauth-sd-jwt-vc §6), served at the
/// <c>vct</c> URL: name and description, display in Dutch, English and French with a simple rendering, and claim
/// metadata (label per language and whether it is selectively disclosable) for every claim we issue.
/// </summary>
public static class MicroCredentialTypeMetadata
{
    private static readonly (string Locale, string Name, string Description)[] Displays =
    [
        ("nl", "Microcredential", "Een microcredential: bewijs van een afgeronde korte opleiding, met leerresultaten, studiepunten (ECTS) en EQF-niveau."),
        ("en", "Micro-credential", "A micro-credential: proof of a completed short course, with learning outcomes, credits (ECTS) and EQF level."),
        ("fr", "Microcertification", "Une microcertification : preuve d'une formation courte réussie, avec acquis d'apprentissage, crédits (ECTS) et niveau CEC."),
    ];

    // path, sd, nl, en, fr
    private static readonly (string[] Path, bool Disclosable, string Nl, string En, string Fr)[] ClaimLabels =
    [
        (["issuer", "name"], false, "Uitgever", "Issuer", "Émetteur"),
        (["credentialSubject", "name"], true, "Naam", "Name", "Nom"),
        (["credentialSubject", "achievement", "name"], true, "Opleiding", "Course", "Formation"),
        (["credentialSubject", "achievement", "description"], false, "Beschrijving", "Description", "Description"),
        (["credentialSubject", "achievement", "learningOutcome"], true, "Leerresultaten", "Learning outcomes", "Acquis d'apprentissage"),
        (["credentialSubject", "achievement", "ectsCredits"], false, "Studiepunten (ECTS)", "Credits (ECTS)", "Crédits (ECTS)"),
        (["credentialSubject", "achievement", "eqfLevel"], false, "EQF-niveau", "EQF level", "Niveau CEC"),
        (["credentialSubject", "result"], true, "Resultaat", "Grade", "Résultat"),
        (["credentialSubject", "awardedDate"], true, "Toegekend op", "Awarded on", "Décernée le"),
        (["credentialSubject", "activityStartDate"], true, "Begin", "Start", "Début"),
        (["credentialSubject", "activityEndDate"], true, "Einde", "End", "Fin"),
    ];

    /// <summary>The type metadata document for <paramref name="vct"/>.</summary>
    /// <param name="vct">Our type URL.</param>
    public static JsonObject Build(string vct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vct);
        return new JsonObject
        {
            [SdJwtVcTerms.Vct] = vct,
            ["name"] = "Micro-credential",
            ["description"] = Displays[1].Description,
            ["display"] = new JsonArray([.. Displays.Select(d => (JsonNode)new JsonObject
            {
                ["locale"] = d.Locale,
                ["name"] = d.Name,
                ["description"] = d.Description,
                ["rendering"] = new JsonObject
                {
                    ["simple"] = new JsonObject { ["background_color"] = "#12355b", ["text_color"] = "#ffffff" },
                },
            })]),
            ["claims"] = new JsonArray([.. ClaimLabels.Select(c => (JsonNode)new JsonObject
            {
                ["path"] = new JsonArray([.. c.Path.Select(p => (JsonNode)JsonValue.Create(p))]),
                ["display"] = new JsonArray(
                    new JsonObject { ["locale"] = "nl", ["label"] = c.Nl },
                    new JsonObject { ["locale"] = "en", ["label"] = c.En },
                    new JsonObject { ["locale"] = "fr", ["label"] = c.Fr }),
                ["sd"] = c.Disclosable ? "always" : "never",
            })]),
        };
    }
}
