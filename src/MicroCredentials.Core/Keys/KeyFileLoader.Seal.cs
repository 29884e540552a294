using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Keys;

/// <summary>The seal certificate with its private key, and the CA certificates that came with it (its chain; may be empty).</summary>
internal sealed record SealFile(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain);

/// <summary>The X.509 seal certificate for PDF signatures: PKCS#12, or certificate PEM + private key PEM.</summary>
internal static partial class KeyFileLoader
{
    /// <summary>
    /// Loads a PKCS#12 file that must hold one certificate with its private key (the seal); its other certificates are
    /// the seal's CA certificates (intermediates, root), at most <see cref="CoreLimits.MaxSealChainCertificates"/> in all.
    /// </summary>
    internal static SealFile LoadSealPkcs12(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new KeyFileException(path, "does not exist");
        }

        X509Certificate2Collection certificates;
        try
        {
            certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new KeyFileException(path, "is not a PKCS#12 file, or the password is wrong (" + ex.Message + ")", ex);
        }
        catch (IOException ex)
        {
            throw new KeyFileException(path, "cannot be read (" + ex.Message + ")", ex);
        }

        var withKey = certificates.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count != 1)
        {
            Dispose(certificates);
            throw new KeyFileException(path, withKey.Count == 0 ? "holds a certificate without its private key"
                : $"holds {withKey.Count} certificates with a private key; a seal file holds exactly one (the seal) and its CA certificates");
        }

        return WithChain(path, withKey[0], [.. certificates.Where(c => !c.HasPrivateKey)]);
    }

    /// <summary>
    /// Loads a certificate PEM and its private key PEM (PKCS#8, PKCS#1 or SEC1). The first certificate of the
    /// certificate file is the seal; further certificates in it are the seal's CA certificates.
    /// </summary>
    internal static SealFile LoadSealPem(string certificatePath, string keyPath)
    {
        var (certificateText, _) = ReadText(certificatePath);
        ReadText(keyPath);
        X509Certificate2 seal;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // Re-import so the key is usable on every platform (PEM-created keys are ephemeral on Windows).
            seal = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new KeyFileException(certificatePath, $"is not a PEM certificate matching the private key in '{keyPath}' ({ex.Message})", ex);
        }

        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(certificateText);
        }
        catch (CryptographicException ex)
        {
            seal.Dispose();
            throw new KeyFileException(certificatePath, $"holds a further certificate that is not readable ({ex.Message})", ex);
        }

        // ImportFromPem keeps the file's order: the first is the seal itself.
        all[0].Dispose();
        return WithChain(certificatePath, seal, [.. all.Skip(1)]);
    }

    // The seal and the CA certificates given with it: each a CA certificate, not the seal again, and the whole chain bounded.
    private static SealFile WithChain(string path, X509Certificate2 seal, List<X509Certificate2> others)
    {
        var chain = others.Where(c => !c.RawDataMemory.Span.SequenceEqual(seal.RawDataMemory.Span)).DistinctBy(c => c.Thumbprint).ToList();
        foreach (var duplicate in others.Except(chain))
        {
            duplicate.Dispose();
        }

        string? problem = chain.Count + 1 > CoreLimits.MaxSealChainCertificates
            ? $"holds {chain.Count + 1} certificates; a seal and its chain hold at most {CoreLimits.MaxSealChainCertificates}"
            : chain.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true }) is { } notCa
                ? $"holds a further certificate '{notCa.Subject}' that is not a CA certificate; only the seal and its CA certificates belong with it"
                : null;
        if (problem is not null)
        {
            seal.Dispose();
            Dispose(chain);
            throw new KeyFileException(path, problem);
        }

        return new SealFile(seal, chain);
    }

    private static void Dispose(IEnumerable<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
