using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace MicroCredentials.SdJwt;

/// <summary>
/// A holder's private key (P-256 for ES256 or Ed25519 for EdDSA) that signs key binding JWTs and OpenID4VCI key
/// proofs: what a wallet holds. Owns its key and disposes it.
/// </summary>
public sealed class HolderSigningKey : IDisposable
{
    private readonly ECDsa? ec;
    private readonly Key? ed25519;

    private HolderSigningKey(ECDsa? ec, Key? ed25519, JsonObject publicJwk)
    {
        this.ec = ec;
        this.ed25519 = ed25519;
        PublicKey = HolderKey.TryFromJwk(publicJwk, out _) ?? throw new InvalidOperationException("A generated key always has a JWK.");
    }

    /// <summary>The public half.</summary>
    public HolderKey PublicKey { get; }

    /// <summary><c>ES256</c> or <c>EdDSA</c>.</summary>
    public string Algorithm => PublicKey.Algorithm;

    /// <summary>A fresh P-256 key.</summary>
    public static HolderSigningKey CreateES256()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(false);
        return new HolderSigningKey(key, null, new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
        });
    }

    /// <summary>A fresh Ed25519 key.</summary>
    public static HolderSigningKey CreateEdDsa()
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        var x = Base64Url.EncodeToString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        return new HolderSigningKey(null, key, new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = x });
    }

    /// <summary>Signs a compact JWS with this key: <c>alg</c> is set from the key; the other header members are given.</summary>
    /// <param name="header">Header members besides <c>alg</c> (for example <c>typ</c>, <c>jwk</c>); not modified.</param>
    /// <param name="payload">The payload; not modified.</param>
    public string SignJws(JsonObject header, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(payload);
        var fullHeader = new JsonObject { ["alg"] = Algorithm };
        foreach (var (name, value) in header)
        {
            fullHeader[name] = value?.DeepClone();
        }

        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SdJwtJson.Compact(fullHeader))) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SdJwtJson.Compact(payload)));
        var bytes = Encoding.ASCII.GetBytes(signingInput);
        var signature = ec is not null
            ? ec.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            : SignatureAlgorithm.Ed25519.Sign(ed25519!, bytes);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Disposes the private key.</summary>
    public void Dispose()
    {
        ec?.Dispose();
        ed25519?.Dispose();
    }
}
