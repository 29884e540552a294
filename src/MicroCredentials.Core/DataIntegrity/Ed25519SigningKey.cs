using NSec.Cryptography;

namespace MicroCredentials.DataIntegrity;

/// <summary>
/// An Ed25519 private key that signs Data Integrity proofs: a key in memory (NSec, <see cref="FromKey"/>) or a key
/// that never leaves a hardware security module (<see cref="Keys.Pkcs11.Pkcs11Ed25519Key"/>, PKCS#11 <c>CKM_EDDSA</c>).
/// Both give the same pure Ed25519 signature (RFC 8032), so proofs do not show where the key lives.
/// </summary>
public abstract class Ed25519SigningKey : IDisposable
{
    /// <summary>The raw 32-byte public key.</summary>
    public abstract ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Wraps an NSec Ed25519 key; the wrapper does not dispose it (the caller still owns the key).</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public static implicit operator Ed25519SigningKey(Key key) => FromKey(key);

    /// <summary>Wraps an NSec Ed25519 key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="ownsKey">True when disposing the wrapper disposes the key.</param>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public static Ed25519SigningKey FromKey(Key key, bool ownsKey = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm is Ed25519 ? new InMemory(key, ownsKey) : throw new ArgumentException("The key must be an Ed25519 key.", nameof(key));
    }

    /// <summary>Signs <paramref name="data"/> with pure Ed25519 and returns the 64-byte signature.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>Releases the key (an owned NSec key, or nothing for a module key: the module owns it).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the key holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class InMemory(Key key, bool ownsKey) : Ed25519SigningKey
    {
        private readonly byte[] publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        public override ReadOnlyMemory<byte> PublicKey => publicKey;

        public override byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(key, data);

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsKey)
            {
                key.Dispose();
            }
        }
    }
}
