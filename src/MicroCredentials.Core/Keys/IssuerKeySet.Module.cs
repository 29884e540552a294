using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using MicroCredentials.Keys.Pkcs11;

namespace MicroCredentials.Keys;

/// <summary>Loading a generation of keys that live in a hardware security module (PKCS#11).</summary>
public sealed partial class IssuerKeySet
{
    /// <summary>A key set of one generation of module keys, for describing them (the module stays the caller's).</summary>
    internal static IssuerKeySet FromModule(Pkcs11Module module, ModuleKeyLabels labels, string issuerId) =>
        new(new State(issuerId, [LoadModuleGeneration(module, labels, issuerId, null, null)], [], [], [], []), TimeProvider.System, null, null);

    // The labels of the newest generation: the history's (written by 'keys generate/rotate --pkcs11'), else the configured ones.
    private static ModuleKeyLabels ModuleLabelsOf(KeyGenerationRecord? newest, Pkcs11Options options, string? historyPath) =>
        newest?.ModuleKeys ?? ModuleKeyLabels.FromOptions(options)
        ?? throw new KeyModuleException(newest is null
            ? $"{Pkcs11Options.Setting(nameof(options.Ed25519Label))}, {nameof(options.Es256Label)} and {nameof(options.Rs256Label)} are not set and there is no key history: run 'microcred keys generate --pkcs11 --out <folder>' and set Issuer:KeysPath to that folder, or name the labels."
            : $"The newest generation in {historyPath} is not in a hardware module (it names no module labels): rotate with 'microcred keys rotate --pkcs11', or remove {Pkcs11Options.Section}.");

    // One generation of module keys; when the history describes it, its keys must be the ones the history names.
    private static IssuerSigningKeys LoadModuleGeneration(Pkcs11Module module, ModuleKeyLabels labels, string issuerId, KeyGenerationRecord? record,
        string? historyPath)
    {
        string Setting(string purpose) => record is null ? Pkcs11Options.Setting(purpose + "Label") : $"the key history {historyPath} ({purpose} label)";
        var ed25519 = Pkcs11Ed25519Key.Find(module, labels.Ed25519, Setting("Ed25519"));
        JwtSigningKey? es256 = null;
        JwtSigningKey? rs256 = null;
        X509Certificate2? seal = null;
        try
        {
            es256 = JwtSigningKey.FromModuleKey(Pkcs11ECDsa.Find(module, labels.Es256, Setting("Es256")), issuerId);
            rs256 = JwtSigningKey.FromModuleKey(Pkcs11Rsa.Find(module, labels.Rs256, Setting("Rs256")), issuerId);
            if (labels.Seal is { } sealLabel)
            {
                var der = module.ReadCertificate(sealLabel)
                    ?? throw new KeyModuleException($"{Setting("Seal")}: no certificate object labelled '{sealLabel}' in {module.Description}.");
                seal = SealKeys.Attach(X509CertificateLoader.LoadCertificate(der), Pkcs11Rsa.Find(module, sealLabel, Setting("Seal")));
            }

            var keys = new IssuerSigningKeys(issuerId, ed25519, es256, rs256, seal, record?.Window ?? new KeyValidityWindow(null, null), labels);
            if (record is not null && record.Ed25519 != keys.Ed25519PublicKeyMultibase)
            {
                throw new KeyFileException(historyPath!,
                    $"the history names the Ed25519 key {record.Ed25519} for the module label '{labels.Ed25519}', but the module holds {keys.Ed25519PublicKeyMultibase}");
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
}
