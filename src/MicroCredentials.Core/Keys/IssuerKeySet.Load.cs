using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using NSec.Cryptography;

namespace MicroCredentials.Keys;

/// <summary>Loading the key set from files, and building one from keys in memory.</summary>
public sealed partial class IssuerKeySet
{
    /// <summary>
    /// Loads every configured key. Call once at start-up; a bad file stops start-up with a clear message. When the key
    /// folder holds a <see cref="KeyHistory"/> (see <see cref="IssuerKeyOptions.KeyHistoryPath"/>), every generation in it
    /// is published with its validity window, and the private keys of a generation that still signs (a rotation that
    /// takes effect later) are loaded from its <see cref="KeyGenerationRecord.PrivateKeys"/> folder.
    /// </summary>
    /// <param name="options">Where the keys are.</param>
    /// <param name="issuerId">The issuer id (the <c>did:web</c> of the public base URL, see <see cref="DidWeb.FromBaseUrl"/>).</param>
    /// <param name="baseDirectory">Folder that relative paths resolve against; the current directory when null.</param>
    /// <param name="time">The clock that picks the signing generation; the system clock when null.</param>
    /// <exception cref="KeyFileException">A key file is missing, unreadable or not the key expected (the message names it).</exception>
    /// <exception cref="ArgumentException">The issuer id is empty.</exception>
    public static IssuerKeySet Load(IssuerKeyOptions options, string issuerId, string? baseDirectory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        time ??= TimeProvider.System;
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        string Resolve(string path, string setting) => string.IsNullOrWhiteSpace(path)
            ? throw new KeyFileException("(not set)", $"the setting {setting} is empty")
            : Path.GetFullPath(path, root);

        var ed25519Path = Resolve(options.Ed25519KeyPath, nameof(options.Ed25519KeyPath));
        var historyPath = string.IsNullOrWhiteSpace(options.KeyHistoryPath)
            ? Path.Combine(Path.GetDirectoryName(ed25519Path)!, KeyHistory.FileName)
            : Resolve(options.KeyHistoryPath, nameof(options.KeyHistoryPath));
        IReadOnlyList<KeyGenerationRecord> history = File.Exists(historyPath) ? KeyHistory.Read(historyPath).Generations : [];
        List<IssuerSigningKeys> signing = [];
        try
        {
            var newest = LoadGeneration(ed25519Path, Resolve(options.Es256KeyPath, nameof(options.Es256KeyPath)),
                Resolve(options.Rs256KeyPath, nameof(options.Rs256KeyPath)), () => LoadSeal(options, root), issuerId,
                history.Count > 0 ? history[^1] : null, historyPath);
            signing.Add(newest);
            var now = time.GetUtcNow();
            var keyFolder = Path.GetDirectoryName(historyPath)!;
            foreach (var record in history.Take(history.Count - 1).Where(r => r.PrivateKeys is not null && r.ValidUntil is { } until && until > now))
            {
                var folder = Path.GetFullPath(record.PrivateKeys!, keyFolder);
                signing.Add(LoadGeneration(Path.Combine(folder, "ed25519.pem"), Path.Combine(folder, "es256.pem"), Path.Combine(folder, "rs256.pem"),
                    () => File.Exists(Path.Combine(folder, "seal.p12")) ? KeyFileLoader.LoadSealPkcs12(Path.Combine(folder, "seal.p12"), options.SealPassword) : null,
                    issuerId, record, historyPath));
            }

            var retiredEd25519 = options.RetiredEd25519KeyPaths
                .Select(p => KeyFileLoader.LoadEd25519PublicKey(Resolve(p, nameof(options.RetiredEd25519KeyPaths)))).ToList();
            var retiredJwt = options.RetiredJwtKeyPaths
                .Select(p => KeyFileLoader.LoadJwtPublicKey(Resolve(p, nameof(options.RetiredJwtKeyPaths)), issuerId)).ToList();
            return new IssuerKeySet(issuerId, signing, history, retiredEd25519, retiredJwt, [.. options.EarlierIssuerIds], time);
        }
        catch
        {
            foreach (var keys in signing)
            {
                keys.Dispose();
            }

            throw;
        }
    }

    /// <summary>Builds a key set from keys in memory (tests, benchmarks, generated keys). Takes ownership of the keys.</summary>
    internal static IssuerKeySet FromKeys(string issuerId, Key ed25519, ECDsa es256, RSA rs256, X509Certificate2? seal = null,
        IReadOnlyList<byte[]>? retiredEd25519 = null, IReadOnlyList<JwtPublicKey>? retiredJwt = null) =>
        new(issuerId, [new IssuerSigningKeys(issuerId, ed25519, JwtSigningKey.FromECDsa(es256, issuerId), JwtSigningKey.FromRsa(rs256, issuerId), seal,
            new KeyValidityWindow(null, null))], [], retiredEd25519 ?? [], retiredJwt ?? [], [], TimeProvider.System);

    // One generation of private keys; when the history describes it, its keys must be the ones the history names.
    private static IssuerSigningKeys LoadGeneration(string ed25519Path, string es256Path, string rs256Path, Func<X509Certificate2?> loadSeal,
        string issuerId, KeyGenerationRecord? record, string historyPath)
    {
        var ed25519 = KeyFileLoader.LoadEd25519PrivateKey(ed25519Path);
        JwtSigningKey? es256 = null;
        JwtSigningKey? rs256 = null;
        X509Certificate2? seal = null;
        try
        {
            es256 = Signing(es256Path, () => JwtSigningKey.FromECDsa(KeyFileLoader.LoadP256PrivateKey(es256Path), issuerId));
            rs256 = Signing(rs256Path, () => JwtSigningKey.FromRsa(KeyFileLoader.LoadRsaPrivateKey(rs256Path), issuerId));
            seal = loadSeal();
            var keys = new IssuerSigningKeys(issuerId, ed25519, es256, rs256, seal, record?.Window ?? new KeyValidityWindow(null, null));
            if (record is not null && record.Ed25519 != keys.Ed25519PublicKeyMultibase)
            {
                throw new KeyFileException(historyPath,
                    $"the history names the Ed25519 key {record.Ed25519} for these keys, but {ed25519Path} holds {keys.Ed25519PublicKeyMultibase}");
            }

            return keys;
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
