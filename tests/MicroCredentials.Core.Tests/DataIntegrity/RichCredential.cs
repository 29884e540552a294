using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>A rich micro-credential from the samples (all four contexts, our extension terms) and a fixed test key.</summary>
internal static class RichCredential
{
    public static readonly DateTimeOffset Created = new(2026, 2, 10, 9, 30, 15, TimeSpan.Zero);

    public static JsonObject Unsigned() => CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());

    /// <summary>A deterministic Ed25519 key (seed = SHA-256 of a label), so signatures are reproducible.</summary>
    public static Key Key() => NSec.Cryptography.Key.Import(
        SignatureAlgorithm.Ed25519, SHA256.HashData("microcredentials test key"u8), KeyBlobFormat.RawPrivateKey,
        new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public static byte[] PublicKey()
    {
        using var key = Key();
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static string VerificationMethod => $"{Samples.IssuerId}#{Multikey.EncodeEd25519PublicKey(PublicKey())}";

    public static byte[]? Resolve(string verificationMethod) => verificationMethod == VerificationMethod ? PublicKey() : null;

    public static JsonObject Signed(string cryptosuite = "eddsa-rdfc-2022")
    {
        using var key = Key();
        return MicroCredentials.DataIntegrity.DataIntegritySigner.Sign(Unsigned(), key, VerificationMethod, Created, cryptosuite);
    }
}
