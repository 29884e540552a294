using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// A <c>DataIntegrityProof</c> (VC Data Integrity 1.0 §2.1) as found in or added to a secured document.
/// </summary>
/// <param name="Type">Always <c>DataIntegrityProof</c> for the cryptosuites here.</param>
/// <param name="Cryptosuite"><c>eddsa-rdfc-2022</c> or <c>eddsa-jcs-2022</c>.</param>
/// <param name="Created">The <c>created</c> dateTimeStamp as written, or <see langword="null"/>.</param>
/// <param name="VerificationMethod">The URL of the key (a DID URL or an https URL with a fragment).</param>
/// <param name="ProofPurpose"><c>assertionMethod</c> for credentials.</param>
/// <param name="ProofValue">Multibase base58btc (<c>z…</c>) of the 64-byte Ed25519 signature; <see langword="null"/>
/// in proof options and configurations.</param>
/// <param name="Context">The proof's own <c>@context</c> (eddsa-jcs-2022 writes it), or <see langword="null"/>.</param>
public sealed record DataIntegrityProof(
    string Type,
    string Cryptosuite,
    string? Created,
    string VerificationMethod,
    string ProofPurpose,
    string? ProofValue,
    JsonNode? Context = null)
{
    /// <summary>The proof type of every Data Integrity cryptosuite.</summary>
    public const string DataIntegrityProofType = "DataIntegrityProof";

    /// <summary>The proof purpose of credentials (VC Data Model 2.0; OB 3.0 requires it).</summary>
    public const string AssertionMethod = "assertionMethod";

    /// <summary>Formats a timestamp as an XML Schema <c>dateTimeStamp</c> in UTC with whole seconds
    /// (<c>2025-06-30T09:00:00Z</c>), the form the W3C and OB vectors use.</summary>
    public static string FormatCreated(DateTimeOffset created) =>
        created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a proof object. Returns <see langword="null"/> with a reason when a required member is missing or is
    /// not a string (<c>type</c>, <c>cryptosuite</c>, <c>verificationMethod</c>, <c>proofPurpose</c>,
    /// <c>proofValue</c>), or when <c>created</c> is not a dateTimeStamp.
    /// </summary>
    public static DataIntegrityProof? TryRead(JsonNode? node, out string? error)
    {
        error = null;
        if (node is not JsonObject proof)
        {
            error = "the proof is not a JSON object";
            return null;
        }

        var type = ReadString(proof, "type", ref error);
        var cryptosuite = ReadString(proof, "cryptosuite", ref error);
        var verificationMethod = ReadString(proof, "verificationMethod", ref error);
        var proofPurpose = ReadString(proof, "proofPurpose", ref error);
        var proofValue = ReadString(proof, "proofValue", ref error);
        string? created = null;
        if (proof.TryGetPropertyValue("created", out var createdNode))
        {
            created = createdNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (created is null || !IsDateTimeStamp(created))
            {
                error ??= "created is not an XML Schema dateTimeStamp";
            }
        }

        var context = proof.TryGetPropertyValue("@context", out var contextNode) ? contextNode?.DeepClone() : null;
        return error is null
            ? new DataIntegrityProof(type!, cryptosuite!, created, verificationMethod!, proofPurpose!, proofValue, context)
            : null;
    }

    /// <summary>
    /// The proof as a JSON object in the member order of the W3C vectors (type, cryptosuite, created,
    /// verificationMethod, proofPurpose, @context, proofValue); absent members are left out.
    /// </summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject
        {
            ["type"] = Type,
            ["cryptosuite"] = Cryptosuite,
        };
        if (Created is not null)
        {
            json["created"] = Created;
        }

        json["verificationMethod"] = VerificationMethod;
        json["proofPurpose"] = ProofPurpose;
        if (Context is not null)
        {
            json["@context"] = Context.DeepClone();
        }

        if (ProofValue is not null)
        {
            json["proofValue"] = ProofValue;
        }

        return json;
    }

    private static string? ReadString(JsonObject proof, string name, ref string? error)
    {
        if (proof.TryGetPropertyValue(name, out var node) && node is JsonValue value
            && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } s)
        {
            return s;
        }

        error ??= $"the proof has no string '{name}'";
        return null;
    }

    private static bool IsDateTimeStamp(string value) =>
        (value.EndsWith('Z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':'))
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && value.Length >= 20 && value[10] == 'T';
}
