using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace MicroCredentials.Keys;

/// <summary>Ed25519 keys through NSec: PKCS#8 PEM, SubjectPublicKeyInfo PEM, OKP JWK, Multikey text.</summary>
internal static partial class KeyFileLoader
{
    /// <summary>Loads an Ed25519 private key (PKCS#8 PEM or an OKP JWK with <c>d</c>).</summary>
    internal static Key LoadEd25519PrivateKey(string path)
    {
        var (text, kind) = ReadText(path);
        switch (kind)
        {
            case FileKind.Pem:
                var (label, der) = ReadPem(path, text);
                if (label == "PRIVATE KEY"
                    && Key.TryImport(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPrivateKey, out var key, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }) && key is not null)
                {
                    return key;
                }

                throw new KeyFileException(path, $"expected an Ed25519 private key (PKCS#8 PEM), found {DescribeKey(label, der)}"
                    + (label == "PRIVATE KEY" ? "" : " that is not a private key"));
            case FileKind.Jwk:
                var jwk = ReadJwk(path, text);
                RequireOkp(path, jwk);
                if (jwk["d"] is null)
                {
                    throw new KeyFileException(path, "the Ed25519 JWK has no private part 'd'");
                }

                var seed = Base64UrlMember(path, jwk, "d");
                if (seed.Length != 32
                    || !Key.TryImport(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, out var fromJwk, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }) || fromJwk is null)
                {
                    throw new KeyFileException(path, "the Ed25519 JWK member 'd' is not a 32-byte seed");
                }

                if (jwk["x"] is not null && !CryptographicOperations.FixedTimeEquals(
                        Base64UrlMember(path, jwk, "x"), fromJwk.PublicKey.Export(KeyBlobFormat.RawPublicKey)))
                {
                    fromJwk.Dispose();
                    throw new KeyFileException(path, "the Ed25519 JWK's 'x' is not the public key of its 'd'");
                }

                return fromJwk;
            default:
                throw new KeyFileException(path, "expected an Ed25519 private key, found a public Multikey value");
        }
    }

    /// <summary>
    /// Loads the 32-byte public key of an Ed25519 key from any form: private or public PEM, JWK (with or without
    /// <c>d</c>), or a <c>z6Mk…</c> Multikey line. Used for retired keys, which only need their public half.
    /// </summary>
    internal static byte[] LoadEd25519PublicKey(string path)
    {
        var (text, kind) = ReadText(path);
        switch (kind)
        {
            case FileKind.Multibase:
                return Multikey.TryDecodeEd25519PublicKey(text, out var fromMultibase)
                    ? fromMultibase
                    : throw new KeyFileException(path, "is not an Ed25519 Multikey value (z6Mk…)");
            case FileKind.Pem when ReadPem(path, text) is ("PUBLIC KEY", var der):
                return PublicKey.TryImport(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPublicKey, out var publicKey) && publicKey is not null
                    ? publicKey.Export(KeyBlobFormat.RawPublicKey)
                    : throw new KeyFileException(path, $"expected an Ed25519 public key, found {DescribeKey("PUBLIC KEY", der)}");
            case FileKind.Jwk when ReadJwk(path, text) is { } jwk && jwk["d"] is null:
                RequireOkp(path, jwk);
                var x = Base64UrlMember(path, jwk, "x");
                return x.Length == 32 ? x : throw new KeyFileException(path, "the Ed25519 JWK member 'x' is not 32 bytes");
            default:
                using (var key = LoadEd25519PrivateKey(path))
                {
                    return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
                }
        }
    }

    private static void RequireOkp(string path, JsonObject jwk)
    {
        if (Member(jwk, "kty") != "OKP" || Member(jwk, "crv") != "Ed25519")
        {
            throw new KeyFileException(path, $"expected an Ed25519 JWK (kty OKP, crv Ed25519), found kty '{Member(jwk, "kty")}' crv '{Member(jwk, "crv")}'");
        }
    }
}
