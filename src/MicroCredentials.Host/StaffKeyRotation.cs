using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;

namespace MicroCredentials.Host;

/// <summary>
/// The staff app's "Rotate keys" (<c>/staff/admin/keys</c>): the same rotation as <c>microcred keys rotate</c> (file keys:
/// <see cref="KeyRotation"/>; keys in a hardware module: <see cref="ModuleKeyGenerator"/>), then the running key set is
/// reloaded so the new keys sign from the stated moment without a restart. One rotation at a time.
/// </summary>
internal sealed class StaffKeyRotation(IssuerKeySet keys, string keysFolder, IssuerOptions options, TimeProvider time)
{
    private const string DefaultSealSubject = "CN=Micro-credentials seal";
    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>The key folder (its key-history.json).</summary>
    public string KeysFolder => keysFolder;

    /// <summary>True when the keys are in a hardware module.</summary>
    public bool InModule => options.Pkcs11 is { IsConfigured: true };

    /// <summary>Rotates so the new keys sign from <paramref name="effectiveFrom"/>, and reloads the running keys.</summary>
    /// <exception cref="InvalidOperationException">The keys are the public demo keys, or the moment is refused (nothing changed).</exception>
    /// <exception cref="KeyFileException">The key folder cannot be read (nothing changed).</exception>
    /// <exception cref="KeyModuleException">The module refused (nothing changed).</exception>
    public async Task<KeyRotationResult> RotateAsync(DateTimeOffset effectiveFrom, CancellationToken cancellationToken)
    {
        if (keys.IsDemo)
        {
            throw new InvalidOperationException("These are the public demo keys of keys.example/: generate real keys ('microcred keys generate') before rotating.");
        }

        await one.WaitAsync(cancellationToken);
        try
        {
            var subject = keys.SealCertificate?.Subject is { Length: > 0 } current ? current : DefaultSealSubject;
            var result = InModule
                ? ModuleKeyGenerator.Rotate(options.Pkcs11!, keysFolder, effectiveFrom, ModuleKeyGenerator.DefaultLabelPrefix, subject, time)
                : KeyRotation.Rotate(keysFolder, effectiveFrom, options.SealPassword, subject, time);
            keys.Reload();
            return result;
        }
        finally
        {
            one.Release();
        }
    }
}
