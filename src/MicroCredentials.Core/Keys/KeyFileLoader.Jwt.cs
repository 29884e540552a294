using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>P-256 (ES256) and RSA (RS256) keys: PEM in any standard wrapping, or JWK.</summary>
internal static partial class KeyFileLoader
{
    /// <summary>Loads a P-256 private key (PKCS#8 or SEC1 PEM, or an EC JWK with <c>d</c>).</summary>
    internal static ECDsa LoadP256PrivateKey(string path)
    {
        var key = LoadEcdsa(path, requirePrivate: true);
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new KeyFileException(path, "expected a P-256 key for ES256, found an EC key on another curve");
        }

        return key;
    }

    /// <summary>Loads an RSA private key of at least 2048 bits (PKCS#8 or PKCS#1 PEM, or an RSA JWK with <c>d</c>).</summary>
    internal static RSA LoadRsaPrivateKey(string path)
    {
        var key = LoadRsa(path, requirePrivate: true);
        if (key.KeySize < JwtPublicKey.MinimumRsaKeySize)
        {
            key.Dispose();
            throw new KeyFileException(path, $"the RSA key has {key.KeySize} bits; RS256 needs at least {JwtPublicKey.MinimumRsaKeySize}");
        }

        return key;
    }

    /// <summary>Loads the public half of a P-256 or RSA key from any PEM or JWK form (retired JWT keys).</summary>
    internal static JwtPublicKey LoadJwtPublicKey(string path, string issuerId)
    {
        var (text, kind) = ReadText(path);
        var isRsa = kind switch
        {
            FileKind.Jwk => Member(ReadJwk(path, text), "kty") == "RSA",
            FileKind.Pem => ReadPem(path, text) is var (label, der) && DescribeKey(label, der) == "an RSA key",
            _ => throw new KeyFileException(path, "expected a P-256 or RSA key (PEM or JWK), found a Multikey value"),
        };
        try
        {
            if (isRsa)
            {
                using var rsa = LoadRsa(path, requirePrivate: false);
                return JwtPublicKey.FromRsa(rsa, issuerId);
            }

            using var ec = LoadEcdsa(path, requirePrivate: false);
            return JwtPublicKey.FromECDsa(ec, issuerId);
        }
        catch (ArgumentException ex)
        {
            throw new KeyFileException(path, ex.Message, ex);
        }
    }

    private static ECDsa LoadEcdsa(string path, bool requirePrivate) =>
        LoadAsymmetric(path, requirePrivate, ECDsa.Create(), "a P-256", "P-256", (key, jwk) =>
        {
            if (Member(jwk, "kty") != "EC" || Member(jwk, "crv") != "P-256")
            {
                throw new KeyFileException(path, $"expected a P-256 JWK (kty EC, crv P-256), found kty '{Member(jwk, "kty")}' crv '{Member(jwk, "crv")}'");
            }

            RequirePrivateJwk(path, jwk, requirePrivate);
            key.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64UrlMember(path, jwk, "x"), Y = Base64UrlMember(path, jwk, "y") },
                D = jwk["d"] is null ? null : Base64UrlMember(path, jwk, "d"),
            });
        });

    private static RSA LoadRsa(string path, bool requirePrivate) =>
        LoadAsymmetric(path, requirePrivate, RSA.Create(), "an RSA", "RSA", (key, jwk) =>
        {
            if (Member(jwk, "kty") != "RSA")
            {
                throw new KeyFileException(path, $"expected an RSA JWK (kty RSA), found kty '{Member(jwk, "kty")}'");
            }

            RequirePrivateJwk(path, jwk, requirePrivate);
            var hasPrivate = jwk["d"] is not null;
            key.ImportParameters(new RSAParameters
            {
                Modulus = Base64UrlMember(path, jwk, "n"),
                Exponent = Base64UrlMember(path, jwk, "e"),
                D = hasPrivate ? Base64UrlMember(path, jwk, "d") : null,
                P = hasPrivate ? Base64UrlMember(path, jwk, "p") : null,
                Q = hasPrivate ? Base64UrlMember(path, jwk, "q") : null,
                DP = hasPrivate ? Base64UrlMember(path, jwk, "dp") : null,
                DQ = hasPrivate ? Base64UrlMember(path, jwk, "dq") : null,
                InverseQ = hasPrivate ? Base64UrlMember(path, jwk, "qi") : null,
            });
        });

    // The common shape of a JWT key file: a JWK (imported by `importJwk`) or a PEM; every failure names the file, and the
    // key object is disposed unless it is returned. `article` reads "a P-256"/"an RSA", `name` "P-256"/"RSA".
    private static TKey LoadAsymmetric<TKey>(string path, bool requirePrivate, TKey key, string article, string name, Action<TKey, JsonObject> importJwk)
        where TKey : AsymmetricAlgorithm
    {
        try
        {
            var (text, kind) = ReadText(path);
            RejectMultibase(path, kind, article);
            if (kind == FileKind.Jwk)
            {
                importJwk(key, ReadJwk(path, text));
                return key;
            }

            var (label, der) = ReadPem(path, text);
            RequirePrivatePem(path, label, der, requirePrivate, name);
            try
            {
                key.ImportFromPem(text);
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                throw new KeyFileException(path, $"expected {article} key, found {DescribeKey(label, der)}", ex);
            }

            return key;
        }
        catch (Exception ex) when (ex is not KeyFileException)
        {
            key.Dispose();
            throw new KeyFileException(path, $"the JWK is not a valid {name} key (" + ex.Message + ")", ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void RejectMultibase(string path, FileKind kind, string expected)
    {
        if (kind == FileKind.Multibase)
        {
            throw new KeyFileException(path, $"expected {expected} key (PEM or JWK), found a Multikey text value");
        }
    }

    private static void RequirePrivateJwk(string path, JsonObject jwk, bool requirePrivate)
    {
        if (requirePrivate && jwk["d"] is null)
        {
            throw new KeyFileException(path, "the JWK is a public key; a signing key needs its private part 'd'");
        }
    }

    private static void RequirePrivatePem(string path, string label, byte[] der, bool requirePrivate, string expected)
    {
        if (requirePrivate && !label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new KeyFileException(path, $"expected a {expected} private key, found {DescribeKey(label, der)} in a '{label}' block");
        }
    }
}
