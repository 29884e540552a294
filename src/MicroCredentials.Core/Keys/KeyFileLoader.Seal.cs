using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Keys;

/// <summary>The X.509 seal certificate for PDF signatures: PKCS#12, or certificate PEM + private key PEM.</summary>
internal static partial class KeyFileLoader
{
    /// <summary>Loads a PKCS#12 file that must hold a certificate with its private key.</summary>
    internal static X509Certificate2 LoadSealPkcs12(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new KeyFileException(path, "does not exist");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new KeyFileException(path, "is not a PKCS#12 file, or the password is wrong (" + ex.Message + ")", ex);
        }
        catch (IOException ex)
        {
            throw new KeyFileException(path, "cannot be read (" + ex.Message + ")", ex);
        }

        return RequirePrivateKey(path, certificate);
    }

    /// <summary>Loads a certificate PEM and its private key PEM (PKCS#8, PKCS#1 or SEC1).</summary>
    internal static X509Certificate2 LoadSealPem(string certificatePath, string keyPath)
    {
        ReadText(certificatePath);
        ReadText(keyPath);
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // Re-import so the key is usable on every platform (PEM-created keys are ephemeral on Windows).
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new KeyFileException(certificatePath, $"is not a PEM certificate matching the private key in '{keyPath}' ({ex.Message})", ex);
        }
    }

    private static X509Certificate2 RequirePrivateKey(string path, X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new KeyFileException(path, "holds a certificate without its private key");
        }

        return certificate;
    }
}
