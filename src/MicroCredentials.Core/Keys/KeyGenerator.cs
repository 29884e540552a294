using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NSec.Cryptography;

namespace MicroCredentials.Keys;

/// <summary>
/// Generates a fresh set of issuer keys (<c>microcred keys generate --out keys/</c>): ed25519.pem, es256.pem,
/// rs256.pem (RSA-2048), and a self-signed seal certificate (RSA-3072, keyUsage digitalSignature + nonRepudiation,
/// 10 years) as seal-cert.pem + seal.p12, and — once per folder, kept across rotations — the own wallet CA that
/// certifies the ES256 key in SD-JWT VCs (wallet-ca.pem, wallet-ca-key.pem). Private key files get mode 0600 on Unix.
/// </summary>
public static class KeyGenerator
{
    /// <summary>File names written into the output folder.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["ed25519.pem", "es256.pem", "rs256.pem", "seal-cert.pem", "seal.p12"];

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Generates and writes the keys.</summary>
    /// <param name="outDirectory">Folder to write into (created if missing).</param>
    /// <param name="options">Password, overwrite, seal subject; defaults when null.</param>
    /// <param name="time">Clock for the certificate validity; the system clock when null.</param>
    /// <returns>The paths written and the seal password.</returns>
    /// <exception cref="InvalidOperationException">A file exists already and <see cref="KeyGenerationOptions.Overwrite"/> is false (nothing is written).</exception>
    public static GeneratedKeyFiles Generate(string outDirectory, KeyGenerationOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        options ??= new KeyGenerationOptions();
        time ??= TimeProvider.System;
        var directory = Path.GetFullPath(outDirectory);
        var paths = FileNames.Select(name => Path.Combine(directory, name)).ToArray();
        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count > 0 && !options.Overwrite)
        {
            throw new InvalidOperationException(
                $"Refusing to overwrite existing key files: {string.Join(", ", existing)}. Move them away or pass the overwrite option.");
        }

        Directory.CreateDirectory(directory);
        var passwordGenerated = options.SealPassword is null;
        var password = options.SealPassword ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

        using (var ed25519 = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }))
        {
            Write(paths[0], ed25519.Export(KeyBlobFormat.PkixPrivateKeyText), OwnerOnly);
        }

        using (var es256 = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            WriteText(paths[1], es256.ExportPkcs8PrivateKeyPem(), OwnerOnly);
        }

        using (var rs256 = RSA.Create(2048))
        {
            WriteText(paths[2], rs256.ExportPkcs8PrivateKeyPem(), OwnerOnly);
        }

        using (var seal = CreateSeal(options, time))
        {
            WriteText(paths[3], seal.ExportCertificatePem(), Public);
            Write(paths[4], seal.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password), OwnerOnly);
        }

        EnsureWalletCa(directory, options, time);
        return new GeneratedKeyFiles(paths[0], paths[1], paths[2], paths[3], paths[4], password, passwordGenerated);
    }

    /// <summary>
    /// Writes the own wallet CA (<see cref="WalletCertificates.CaCertificateFileName"/> and its key) unless the folder has
    /// one: it is the trust anchor of every SD-JWT VC's <c>x5c</c>, so a rotation (which calls <see cref="Generate"/>
    /// again) keeps it, and certificates of earlier keys keep chaining to it.
    /// </summary>
    private static void EnsureWalletCa(string directory, KeyGenerationOptions options, TimeProvider time)
    {
        var certificatePath = Path.Combine(directory, WalletCertificates.CaCertificateFileName);
        var keyPath = Path.Combine(directory, WalletCertificates.CaKeyFileName);
        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            return;
        }

        using var ca = WalletCertificates.CreateCa(options.WalletCaSubject, time.GetUtcNow());
        using var key = ca.GetECDsaPrivateKey()!;
        WriteText(keyPath, key.ExportPkcs8PrivateKeyPem(), OwnerOnly);
        WriteText(certificatePath, ca.ExportCertificatePem(), Public);
    }

    private static X509Certificate2 CreateSeal(KeyGenerationOptions options, TimeProvider time)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(new X500DistinguishedName(options.SealSubject), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(options.SealValidityYears));
    }

    private static void WriteText(string path, string text, UnixFileMode mode) =>
        Write(path, System.Text.Encoding.ASCII.GetBytes(text.EndsWith('\n') ? text : text + "\n"), mode);

    private static void Write(string path, byte[] content, UnixFileMode mode)
    {
        var stream = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = mode;
        }

        using (var file = new FileStream(path, stream))
        {
            file.Write(content);
        }

        // UnixCreateMode applies only to new files; an overwritten file keeps its old mode unless set here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
