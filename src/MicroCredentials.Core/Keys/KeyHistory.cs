using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Keys;

/// <summary>
/// The key history of an issuer (<c>key-history.json</c> in the key folder, written by <see cref="KeyRotation"/>): every
/// generation of public keys with its validity window, oldest first; the last one is the keys in the folder itself.
/// Keep this file for as long as any credential must verify — it holds no secret.
/// </summary>
public sealed record KeyHistory
{
    /// <summary>The file name in the key folder.</summary>
    public const string FileName = "key-history.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The generations, oldest first.</summary>
    public required IReadOnlyList<KeyGenerationRecord> Generations { get; init; }

    /// <summary>Reads a history file.</summary>
    /// <exception cref="KeyFileException">The file is unreadable, not a history, or has no generation, or windows out of order.</exception>
    public static KeyHistory Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (info.Length > CoreLimits.MaxKeyHistoryBytes)
        {
            throw new KeyFileException(path, $"larger than {CoreLimits.MaxKeyHistoryBytes} bytes: not a key history");
        }

        KeyHistory? history;
        try
        {
            history = JsonSerializer.Deserialize<KeyHistory>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(path, "not a readable key history: " + e.Message, e);
        }

        if (history?.Generations is not { Count: > 0 } generations)
        {
            throw new KeyFileException(path, "the key history lists no key generation");
        }

        if (generations.Count > CoreLimits.MaxKeyGenerations)
        {
            throw new KeyFileException(path, $"more than {CoreLimits.MaxKeyGenerations} key generations");
        }

        for (var i = 1; i < generations.Count; i++)
        {
            if (generations[i].ValidFrom is not { } from || generations[i - 1].ValidUntil != from)
            {
                throw new KeyFileException(path, $"generation {i + 1} must start when generation {i} ends (validUntil = validFrom)");
            }
        }

        return history;
    }

    /// <summary>Writes the history (replacing the file atomically: written beside it, then moved over it).</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The public record of a loaded key set's current keys.</summary>
    internal static KeyGenerationRecord Describe(string ed25519Multibase, Jwt.JwtPublicKey es256, Jwt.JwtPublicKey rs256,
        System.Security.Cryptography.X509Certificates.X509Certificate2? seal, DateTimeOffset? validFrom) => new()
    {
        ValidFrom = validFrom,
        Ed25519 = ed25519Multibase,
        Es256 = PublicJwk(es256),
        Rs256 = PublicJwk(rs256),
        SealCertificate = seal is null ? null : Convert.ToBase64String(seal.RawData),
    };

    private static JsonObject PublicJwk(Jwt.JwtPublicKey key)
    {
        var jwk = key.ToJwk();
        jwk.Remove("kid");
        jwk.Remove("use");
        return jwk;
    }
}
