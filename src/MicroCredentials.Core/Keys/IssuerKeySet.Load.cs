using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using NSec.Cryptography;

namespace MicroCredentials.Keys;

/// <summary>Loading the key set from files, and building one from keys in memory.</summary>
public sealed partial class IssuerKeySet
{
    /// <summary>Loads every configured key. Call once at start-up; a bad file stops start-up with a clear message.</summary>
    /// <param name="options">Where the keys are.</param>
    /// <param name="issuerId">The issuer id (the <c>did:web</c> of the public base URL, see <see cref="DidWeb.FromBaseUrl"/>).</param>
    /// <param name="baseDirectory">Folder that relative paths resolve against; the current directory when null.</param>
    /// <exception cref="KeyFileException">A key file is missing, unreadable or not the key expected (the message names it).</exception>
    /// <exception cref="ArgumentException">The issuer id is empty.</exception>
    public static IssuerKeySet Load(IssuerKeyOptions options, string issuerId, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        string Resolve(string path, string setting) => string.IsNullOrWhiteSpace(path)
            ? throw new KeyFileException("(not set)", $"the setting {setting} is empty")
            : Path.GetFullPath(path, root);

        var ed25519 = KeyFileLoader.LoadEd25519PrivateKey(Resolve(options.Ed25519KeyPath, nameof(options.Ed25519KeyPath)));
        JwtSigningKey? es256 = null;
        JwtSigningKey? rs256 = null;
        X509Certificate2? seal = null;
        try
        {
            var es256Path = Resolve(options.Es256KeyPath, nameof(options.Es256KeyPath));
            es256 = Signing(es256Path, () => JwtSigningKey.FromECDsa(KeyFileLoader.LoadP256PrivateKey(es256Path), issuerId));
            var rs256Path = Resolve(options.Rs256KeyPath, nameof(options.Rs256KeyPath));
            rs256 = Signing(rs256Path, () => JwtSigningKey.FromRsa(KeyFileLoader.LoadRsaPrivateKey(rs256Path), issuerId));
            seal = LoadSeal(options, root);
            var retiredEd25519 = options.RetiredEd25519KeyPaths
                .Select(p => KeyFileLoader.LoadEd25519PublicKey(Resolve(p, nameof(options.RetiredEd25519KeyPaths)))).ToList();
            var retiredJwt = options.RetiredJwtKeyPaths
                .Select(p => KeyFileLoader.LoadJwtPublicKey(Resolve(p, nameof(options.RetiredJwtKeyPaths)), issuerId)).ToList();
            return new IssuerKeySet(issuerId, ed25519, es256, rs256, seal, retiredEd25519, retiredJwt, [.. options.EarlierIssuerIds]);
        }
        catch
        {
            ed25519.Dispose();
            es256?.Dispose();
            rs256?.Dispose();
            seal?.Dispose();
            throw;
        }
    }

    /// <summary>Builds a key set from keys in memory (tests, benchmarks, generated keys). Takes ownership of the keys.</summary>
    internal static IssuerKeySet FromKeys(string issuerId, Key ed25519, ECDsa es256, RSA rs256, X509Certificate2? seal = null,
        IReadOnlyList<byte[]>? retiredEd25519 = null, IReadOnlyList<JwtPublicKey>? retiredJwt = null) =>
        new(issuerId, ed25519, JwtSigningKey.FromECDsa(es256, issuerId), JwtSigningKey.FromRsa(rs256, issuerId), seal,
            retiredEd25519 ?? [], retiredJwt ?? [], []);

    private static JwtSigningKey Signing(string path, Func<JwtSigningKey> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new KeyFileException(path, ex.Message, ex);
        }
    }

    private static X509Certificate2? LoadSeal(IssuerKeyOptions options, string root)
    {
        if (!string.IsNullOrWhiteSpace(options.SealPkcs12Path))
        {
            return KeyFileLoader.LoadSealPkcs12(Path.GetFullPath(options.SealPkcs12Path, root), options.SealPassword);
        }

        var hasCertificate = !string.IsNullOrWhiteSpace(options.SealCertificatePath);
        var hasKey = !string.IsNullOrWhiteSpace(options.SealKeyPath);
        if (hasCertificate != hasKey)
        {
            var missing = hasCertificate ? nameof(options.SealKeyPath) : nameof(options.SealCertificatePath);
            throw new KeyFileException(Path.GetFullPath((hasCertificate ? options.SealCertificatePath : options.SealKeyPath)!, root),
                $"a PEM seal needs both SealCertificatePath and SealKeyPath; {missing} is not set");
        }

        return hasCertificate
            ? KeyFileLoader.LoadSealPem(Path.GetFullPath(options.SealCertificatePath!, root), Path.GetFullPath(options.SealKeyPath!, root))
            : null;
    }
}
