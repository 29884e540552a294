using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Keys;

/// <summary>
/// The private keys of seal certificates whose key is in a hardware module. On Linux an <see cref="X509Certificate2"/>
/// can carry only a key OpenSSL holds, so a module key (<see cref="Pkcs11.Pkcs11Rsa"/>) is attached to its certificate
/// here instead; the CMS seal signer asks <see cref="PrivateKeyOf"/> and gets the signature value from the module.
/// </summary>
public static class SealKeys
{
    private static readonly ConditionalWeakTable<X509Certificate2, AsymmetricAlgorithm> ModuleKeys = [];

    /// <summary>Attaches a module key to its certificate and returns the certificate.</summary>
    /// <exception cref="ArgumentException">The key's public half is not the certificate's.</exception>
    public static X509Certificate2 Attach(X509Certificate2 certificate, RSA moduleKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(moduleKey);
        using var certificateKey = certificate.GetRSAPublicKey();
        if (certificateKey is null || !certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(moduleKey.ExportSubjectPublicKeyInfo()))
        {
            throw new ArgumentException("The module key is not the key of this seal certificate.", nameof(moduleKey));
        }

        ModuleKeys.AddOrUpdate(certificate, moduleKey);
        return certificate;
    }

    /// <summary>The module key attached to <paramref name="certificate"/>, or null (then the certificate carries its own key, or none).</summary>
    public static AsymmetricAlgorithm? PrivateKeyOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ModuleKeys.TryGetValue(certificate, out var key) ? key : null;
    }

    /// <summary>True when the certificate can seal: it carries its private key, or a module key is attached.</summary>
    public static bool CanSign([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] X509Certificate2? certificate) =>
        certificate is not null && (certificate.HasPrivateKey || ModuleKeys.TryGetValue(certificate, out _));
}
