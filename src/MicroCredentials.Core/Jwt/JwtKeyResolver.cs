using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>
/// The issuer's JWT verification keys (current and retired), found by <c>kid</c> or by the thumbprint of a
/// <c>jwk</c> header. A token whose key is not in this set is rejected with <see cref="JwtVerificationFailure.UnknownKey"/>.
/// </summary>
public sealed class JwtKeyResolver
{
    private volatile Index index;

    /// <summary>Creates a resolver over a set of keys.</summary>
    /// <param name="keys">The keys; duplicates (same key id) are kept once.</param>
    public JwtKeyResolver(IEnumerable<JwtPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        index = new Index(keys);
    }

    /// <summary>The keys, in the order given (first occurrence of each key id).</summary>
    public IReadOnlyList<JwtPublicKey> Keys => index.Keys;

    /// <summary>Replaces the keys at once (the issuer's key set after a rotation, <see cref="Keys.IssuerKeySet.Reload"/>).</summary>
    internal void Replace(IEnumerable<JwtPublicKey> keys) => index = new Index(keys);

    /// <summary>The key whose key id is exactly <paramref name="kid"/>, or null.</summary>
    public JwtPublicKey? FindByKeyId(string kid)
    {
        ArgumentNullException.ThrowIfNull(kid);
        return index.ByKeyId.GetValueOrDefault(kid);
    }

    /// <summary>The key with the same public key material as <paramref name="jwk"/> (by RFC 7638 thumbprint), or null.</summary>
    public JwtPublicKey? FindByJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        var thumbprint = JwtPublicKey.ComputeThumbprint(jwk);
        return thumbprint is null ? null : index.ByThumbprint.GetValueOrDefault(thumbprint);
    }

    private sealed class Index
    {
        public Index(IEnumerable<JwtPublicKey> keys)
        {
            foreach (var key in keys)
            {
                ByKeyId.TryAdd(key.KeyId, key);
                ByThumbprint.TryAdd(key.Thumbprint, key);
            }

            Keys = [.. ByKeyId.Values];
        }

        public Dictionary<string, JwtPublicKey> ByKeyId { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JwtPublicKey> ByThumbprint { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<JwtPublicKey> Keys { get; }
    }
}
