using MicroCredentials.Codecs;

namespace MicroCredentials.Keys;

/// <summary>
/// Multikey encoding of Ed25519 keys (Controlled Identifiers §Multikey; STANDARDS §2.2, §10.2):
/// <c>z</c> + base58btc(multicodec prefix ‖ key). Public keys use <c>0xed 0x01</c> (<c>z6Mk…</c>), secret keys
/// <c>0x80 0x26</c> (<c>z3u2…</c>). Any other prefix is rejected.
/// </summary>
public static class Multikey
{
    private static readonly byte[] Ed25519PublicPrefix = [0xED, 0x01];
    private static readonly byte[] Ed25519SecretPrefix = [0x80, 0x26];

    /// <summary>Encodes a 32-byte Ed25519 public key as <c>publicKeyMultibase</c>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string EncodeEd25519PublicKey(ReadOnlySpan<byte> publicKey) =>
        Encode(Ed25519PublicPrefix, publicKey);

    /// <summary>Encodes a 32-byte Ed25519 seed as <c>secretKeyMultibase</c>.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static string EncodeEd25519SecretKey(ReadOnlySpan<byte> seed) => Encode(Ed25519SecretPrefix, seed);

    /// <summary>Decodes a <c>z6Mk…</c> value to the 32-byte Ed25519 public key; false for anything else.</summary>
    public static bool TryDecodeEd25519PublicKey(string? multibase, out byte[] publicKey) =>
        TryDecode(multibase, Ed25519PublicPrefix, out publicKey);

    /// <summary>Decodes a <c>z3u2…</c> value to the 32-byte Ed25519 seed; false for anything else.</summary>
    public static bool TryDecodeEd25519SecretKey(string? multibase, out byte[] seed) =>
        TryDecode(multibase, Ed25519SecretPrefix, out seed);

    private static string Encode(byte[] prefix, ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("An Ed25519 key is 32 bytes.", nameof(key));
        }

        Span<byte> buffer = stackalloc byte[34];
        prefix.CopyTo(buffer);
        key.CopyTo(buffer[2..]);
        return "z" + Base58Btc.Encode(buffer);
    }

    private static bool TryDecode(string? multibase, byte[] prefix, out byte[] key)
    {
        key = [];
        if (multibase is null || multibase.Length < 2 || multibase[0] != 'z'
            || !Base58Btc.TryDecode(multibase[1..], out var bytes)
            || bytes.Length != 34 || bytes[0] != prefix[0] || bytes[1] != prefix[1])
        {
            return false;
        }

        key = bytes[2..];
        return true;
    }
}
