using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>
/// Writes a catalogue (or one of its entries) as the JSON that <see cref="CatalogLoader"/> reads: the import and export
/// format of <c>samples/catalog.json</c>. Absent elements are left out, accents are written as they are, so that an
/// export of an import is the same catalogue.
/// </summary>
public static class CatalogWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };

    /// <summary>The whole catalogue, indented (the export file).</summary>
    public static string ToJson(MicroCredentialCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.Serialize(catalog, Indented) + "\n";
    }

    /// <summary>One entry, compact (as the database stores each version).</summary>
    public static string ToJson(MicroCredentialDefinition entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JsonSerializer.Serialize(entry, Compact);
    }

    /// <summary>The issuer block, compact (as the database stores each version).</summary>
    public static string ToJson(IssuerProfileDefinition issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return JsonSerializer.Serialize(issuer, Compact);
    }

    /// <summary>Reads an entry written by <see cref="ToJson(MicroCredentialDefinition)"/>.</summary>
    public static MicroCredentialDefinition ReadEntry(string json) =>
        JsonSerializer.Deserialize<MicroCredentialDefinition>(json, Compact) ?? throw new JsonException("empty catalogue entry");

    /// <summary>Reads an issuer block written by <see cref="ToJson(IssuerProfileDefinition)"/>.</summary>
    public static IssuerProfileDefinition ReadIssuer(string json) =>
        JsonSerializer.Deserialize<IssuerProfileDefinition>(json, Compact) ?? throw new JsonException("empty issuer block");
}
