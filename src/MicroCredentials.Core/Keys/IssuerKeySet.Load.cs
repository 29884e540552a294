using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys.Pkcs11;
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
        var clock = time ?? TimeProvider.System;
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        var module = options.Pkcs11 is { IsConfigured: true } moduleOptions ? Pkcs11Module.Open(moduleOptions) : null;
        try
        {
            State Read() => LoadState(options, issuerId, root, clock, module);
            return new IssuerKeySet(Read(), clock, module, Read);
        }
        catch
        {
            module?.Dispose();
            throw;
        }
    }

    private static State LoadState(IssuerKeyOptions options, string issuerId, string root, TimeProvider time, Pkcs11Module? module)
    {
        string Resolve(string path, string setting) => string.IsNullOrWhiteSpace(path)
            ? throw new KeyFileException("(not set)", $"the setting {setting} is empty")
            : Path.GetFullPath(path, root);

        var historyPath = !string.IsNullOrWhiteSpace(options.KeyHistoryPath)
            ? Resolve(options.KeyHistoryPath, nameof(options.KeyHistoryPath))
            : module is null ? Path.Combine(Path.GetDirectoryName(Resolve(options.Ed25519KeyPath, nameof(options.Ed25519KeyPath)))!, KeyHistory.FileName) : null;
        IReadOnlyList<KeyGenerationRecord> history = historyPath is not null && File.Exists(historyPath) ? KeyHistory.Read(historyPath).Generations : [];
        List<IssuerSigningKeys> signing = [];
        try
        {
            var newestRecord = history.Count > 0 ? history[^1] : null;
            signing.Add(module is not null
                ? LoadModuleGeneration(module, ModuleLabelsOf(newestRecord, options.Pkcs11!, historyPath), issuerId, newestRecord, historyPath)
                : LoadGeneration(Resolve(options.Ed25519KeyPath, nameof(options.Ed25519KeyPath)), Resolve(options.Es256KeyPath, nameof(options.Es256KeyPath)),
                    Resolve(options.Rs256KeyPath, nameof(options.Rs256KeyPath)), () => LoadSeal(options, root), issuerId, newestRecord, historyPath!));
            var now = time.GetUtcNow();
            var keyFolder = historyPath is null ? root : Path.GetDirectoryName(historyPath)!;
            foreach (var record in history.Take(history.Count - 1).Where(r => (r.PrivateKeys is not null || r.ModuleKeys is not null) && r.ValidUntil is { } until && until > now))
            {
                if (record.ModuleKeys is { } labels)
                {
                    signing.Add(LoadModuleGeneration(module ?? throw new KeyFileException(historyPath!,
                        $"a generation that still signs is in a hardware module: set {Pkcs11Options.Setting(nameof(Pkcs11Options.ModulePath))}"), labels, issuerId, record, historyPath));
                    continue;
                }

                var folder = Path.GetFullPath(record.PrivateKeys!, keyFolder);
                signing.Add(LoadGeneration(Path.Combine(folder, "ed25519.pem"), Path.Combine(folder, "es256.pem"), Path.Combine(folder, "rs256.pem"),
                    () => File.Exists(Path.Combine(folder, "seal.p12")) ? KeyFileLoader.LoadSealPkcs12(Path.Combine(folder, "seal.p12"), options.SealPassword) : null,
                    issuerId, record, historyPath!));
            }

            var retiredEd25519 = options.RetiredEd25519KeyPaths
                .Select(p => KeyFileLoader.LoadEd25519PublicKey(Resolve(p, nameof(options.RetiredEd25519KeyPaths)))).ToList();
            var retiredJwt = options.RetiredJwtKeyPaths
                .Select(p => KeyFileLoader.LoadJwtPublicKey(Resolve(p, nameof(options.RetiredJwtKeyPaths)), issuerId)).ToList();
            return new State(issuerId, signing, history, retiredEd25519, retiredJwt, [.. options.EarlierIssuerIds]);
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
        IReadOnlyList<byte[]>? retiredEd25519 = null, IReadOnlyList<JwtPublicKey>? retiredJwt = null, IReadOnlyList<X509Certificate2>? sealChain = null) =>
        new(new State(issuerId, [new IssuerSigningKeys(issuerId, Ed25519SigningKey.FromKey(ed25519, ownsKey: true), JwtSigningKey.FromECDsa(es256, issuerId),
            JwtSigningKey.FromRsa(rs256, issuerId), seal, new KeyValidityWindow(null, null), sealChain: sealChain)], [], retiredEd25519 ?? [], retiredJwt ?? [], []),
            TimeProvider.System, null, null);

    // One generation of private keys; when the history describes it, its keys must be the ones the history names.
    private static IssuerSigningKeys LoadGeneration(string ed25519Path, string es256Path, string rs256Path, Func<SealFile?> loadSeal,
        string issuerId, KeyGenerationRecord? record, string historyPath)
    {
        var ed25519 = Ed25519SigningKey.FromKey(KeyFileLoader.LoadEd25519PrivateKey(ed25519Path), ownsKey: true);
        JwtSigningKey? es256 = null;
        JwtSigningKey? rs256 = null;
        SealFile? seal = null;
        try
        {
            es256 = Signing(es256Path, () => JwtSigningKey.FromECDsa(KeyFileLoader.LoadP256PrivateKey(es256Path), issuerId));
            rs256 = Signing(rs256Path, () => JwtSigningKey.FromRsa(KeyFileLoader.LoadRsaPrivateKey(rs256Path), issuerId));
            seal = loadSeal();
            var keys = new IssuerSigningKeys(issuerId, ed25519, es256, rs256, seal?.Certificate, record?.Window ?? new KeyValidityWindow(null, null),
                sealChain: seal?.Chain);
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
            seal?.Certificate.Dispose();
            foreach (var certificate in seal?.Chain ?? [])
            {
                certificate.Dispose();
            }

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

    private static SealFile? LoadSeal(IssuerKeyOptions options, string root)
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
