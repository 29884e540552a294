using System.Security.Cryptography;
using MicroCredentials.Codecs;
using NSec.Cryptography;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// The steps the two EdDSA cryptosuites share (vc-di-eddsa 1.0 §3.3.4/§3.3.5 and §3.4.4/§3.4.5): hashData =
/// SHA-256(canonical proof configuration) ‖ SHA-256(canonical document), pure Ed25519 over it, and the multibase
/// base58btc <c>proofValue</c>.
/// </summary>
internal static class Ed25519Proofs
{
    /// <summary>The 64-byte hashData (proof configuration hash first).</summary>
    public static byte[] HashData(ReadOnlySpan<byte> canonicalProofConfig, ReadOnlySpan<byte> canonicalDocument)
    {
        var hashData = new byte[64];
        SHA256.HashData(canonicalProofConfig, hashData.AsSpan(0, 32));
        SHA256.HashData(canonicalDocument, hashData.AsSpan(32, 32));
        return hashData;
    }

    /// <summary>Signs hashData and encodes the signature as <c>z</c> + base58btc.</summary>
    public static string Sign(Ed25519SigningKey key, ReadOnlySpan<byte> hashData)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "z" + Base58Btc.Encode(key.Sign(hashData));
    }

    /// <summary>Decodes a proofValue to a 64-byte signature; false when it is not <c>z</c> + base58btc of 64 bytes.</summary>
    public static bool TryDecodeProofValue(string? proofValue, out byte[] signature)
    {
        signature = [];
        if (proofValue is not { Length: > 1 } || proofValue[0] != 'z'
            || !Base58Btc.TryDecode(proofValue[1..], out var bytes) || bytes.Length != 64)
        {
            return false;
        }

        signature = bytes;
        return true;
    }

    /// <summary>Imports a raw 32-byte Ed25519 public key; false when it is not one.</summary>
    public static bool TryImportPublicKey(byte[] raw, out PublicKey? publicKey)
    {
        publicKey = null;
        return raw.Length == 32
            && PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out publicKey);
    }

    /// <summary>Verifies an Ed25519 signature over hashData.</summary>
    public static bool Verify(PublicKey publicKey, ReadOnlySpan<byte> hashData, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(publicKey, hashData, signature);
}
