using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// Generates and rotates the issuer's keys inside a hardware security module (<c>microcred keys generate --pkcs11</c>,
/// <c>keys rotate --pkcs11</c>, the staff app's "Rotate keys"): Ed25519, P-256 and RSA-2048 key pairs and an RSA-3072
/// seal key with a self-signed certificate (signed in the module, stored beside the key as a certificate object), all
/// labelled <c>&lt;prefix&gt;-&lt;purpose&gt;-&lt;yyyyMMddTHHmmssZ&gt;</c>. The private keys are made non-extractable and
/// sensitive and never leave the module. What stays on disk is the key folder's <see cref="KeyHistory"/> (public keys,
/// labels, validity windows) and <c>seal-cert.pem</c> — no secret; a retired generation's keys stay in the module (and
/// its public keys in the history), so what they signed keeps verifying.
/// </summary>
public static class ModuleKeyGenerator
{
    /// <summary>The default label prefix.</summary>
    public const string DefaultLabelPrefix = "microcred";

    /// <summary>The seal certificate written beside the history (public; for readers that want the certificate as a file).</summary>
    public const string SealCertificateFileName = "seal-cert.pem";

    /// <summary>Generates the first generation of module keys and writes the key history into <paramref name="keyDirectory"/>.</summary>
    /// <param name="options">The module, token and PIN.</param>
    /// <param name="keyDirectory">The key folder (created if missing) that will hold key-history.json; set <c>Issuer:KeysPath</c> to it.</param>
    /// <param name="labelPrefix">Prefix of the new labels.</param>
    /// <param name="sealSubject">Subject of the self-signed seal certificate.</param>
    /// <param name="time">The clock (label stamp, certificate validity).</param>
    /// <returns>The generation made.</returns>
    /// <exception cref="KeyModuleException">The module cannot be used, or a label exists already.</exception>
    /// <exception cref="InvalidOperationException">The folder has a key history already (rotate instead).</exception>
    public static KeyGenerationRecord Generate(Pkcs11Options options, string keyDirectory, string labelPrefix, string sealSubject, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyDirectory);
        ArgumentNullException.ThrowIfNull(time);
        var historyPath = Path.Combine(Path.GetFullPath(keyDirectory), KeyHistory.FileName);
        if (File.Exists(historyPath))
        {
            throw new InvalidOperationException($"{historyPath} exists already: these keys are made; use 'keys rotate --pkcs11' for new ones.");
        }

        using var module = Pkcs11Module.Open(options);
        var record = CreateGeneration(module, FreeLabels(module, CheckedPrefix(labelPrefix), KeyRotation.Stamp(time.GetUtcNow())), sealSubject, time, null);
        Directory.CreateDirectory(Path.GetDirectoryName(historyPath)!);
        WriteSealCertificate(Path.GetDirectoryName(historyPath)!, record);
        new KeyHistory { Generations = [record] }.Write(historyPath);
        return record;
    }

    /// <summary>
    /// Rotates module keys: a new generation signs from <paramref name="effectiveFrom"/>, the current one gets that
    /// moment as its end; the same rules as <see cref="KeyRotation.Rotate"/> (not in the past, none pending).
    /// </summary>
    /// <param name="options">The module, token and PIN.</param>
    /// <param name="keyDirectory">The key folder with the module keys' key-history.json.</param>
    /// <param name="effectiveFrom">The moment the new keys start signing (now or later); truncated to whole seconds.</param>
    /// <param name="labelPrefix">Prefix of the new labels.</param>
    /// <param name="sealSubject">Subject of the renewed self-signed seal certificate.</param>
    /// <param name="time">The clock.</param>
    /// <returns>What was retired and what now signs; <see cref="KeyRotationResult.RetiredFolder"/> is the key folder (nothing moves on disk).</returns>
    /// <exception cref="KeyModuleException">The module cannot be used, or a label exists already (nothing is changed).</exception>
    /// <exception cref="KeyFileException">The history cannot be read (nothing is changed).</exception>
    /// <exception cref="InvalidOperationException">The moment is refused, or the current keys are not module keys (nothing is changed).</exception>
    public static KeyRotationResult Rotate(Pkcs11Options options, string keyDirectory, DateTimeOffset effectiveFrom, string labelPrefix, string sealSubject,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyDirectory);
        ArgumentNullException.ThrowIfNull(time);
        var directory = Path.GetFullPath(keyDirectory);
        var historyPath = Path.Combine(directory, KeyHistory.FileName);
        var now = time.GetUtcNow();
        var moment = KeyRotation.Moment(effectiveFrom, now);
        List<KeyGenerationRecord> history;
        using (var current = IssuerKeySet.Load(new IssuerKeyOptions { Pkcs11 = options, KeyHistoryPath = historyPath }, KeyRotation.AnyIssuer, time: time))
        {
            history = current.History.Count > 0 ? [.. current.History] : [KeyRotation.Describe(current, null)];
        }

        if (history[^1].ModuleKeys is null)
        {
            throw new InvalidOperationException($"The current keys in {historyPath} are not in a hardware module.");
        }

        KeyRotation.CheckCanRotate(history[^1], moment, now);
        using var module = Pkcs11Module.Open(options);
        var next = CreateGeneration(module, FreeLabels(module, CheckedPrefix(labelPrefix), KeyRotation.Stamp(moment)), sealSubject, time, moment);
        var previous = history[^1] with { ValidUntil = moment };
        history[^1] = previous;
        history.Add(next);
        WriteSealCertificate(directory, next);
        new KeyHistory { Generations = history }.Write(historyPath);
        return new KeyRotationResult(directory, previous, next);
    }

    /// <summary>How many generations may share one second's stamp (a rotation straight after generating, in tests or scripts).</summary>
    internal const int MaxLabelsPerStamp = 9;

    /// <summary>
    /// The labels for a new generation stamped <paramref name="stamp"/>: the plain stamp when no object in the token
    /// carries any of its labels, else the stamp with <c>-2</c>, <c>-3</c>… (two generations made in the same second,
    /// or labels left by someone else's key).
    /// </summary>
    private static ModuleKeyLabels FreeLabels(Pkcs11Module module, string prefix, string stamp)
    {
        for (var n = 1; n <= MaxLabelsPerStamp; n++)
        {
            var labels = ModuleKeyLabels.Create(prefix, n == 1 ? stamp : $"{stamp}-{n}");
            if (!new[] { labels.Ed25519, labels.Es256, labels.Rs256, labels.Seal! }.Any(module.HasObject))
            {
                return labels;
            }
        }

        throw new KeyModuleException($"The module ({module.Description}) holds objects labelled '{prefix}-…-{stamp}' for {MaxLabelsPerStamp} generations already: choose another label prefix.");
    }

    private static KeyGenerationRecord CreateGeneration(Pkcs11Module module, ModuleKeyLabels labels, string sealSubject, TimeProvider time, DateTimeOffset? validFrom)
    {
        module.GenerateKeyPair(labels.Ed25519, Pkcs11Module.KeyKind.Ed25519);
        module.GenerateKeyPair(labels.Es256, Pkcs11Module.KeyKind.P256);
        module.GenerateKeyPair(labels.Rs256, Pkcs11Module.KeyKind.Rsa, 2048);
        module.GenerateKeyPair(labels.Seal!, Pkcs11Module.KeyKind.Rsa, 3072);
        using (var sealKey = Pkcs11Rsa.Find(module, labels.Seal!, "the new seal key"))
        {
            var request = new CertificateRequest(new X500DistinguishedName(sealSubject), sealKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
            var now = time.GetUtcNow();
            // Create (not CreateSelfSigned): the certificate is signed in the module and carries no private key.
            using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(sealKey, RSASignaturePadding.Pkcs1),
                now.AddMinutes(-5), now.AddYears(10), RandomNumberGenerator.GetBytes(16));
            module.StoreCertificate(labels.Seal!, certificate.RawData, certificate.SubjectName.RawData);
        }

        using var keys = IssuerKeySet.FromModule(module, labels, KeyRotation.AnyIssuer);
        return KeyRotation.Describe(keys, validFrom);
    }

    private static void WriteSealCertificate(string directory, KeyGenerationRecord record)
    {
        if (record.SealCertificate is { } der)
        {
            File.WriteAllText(Path.Combine(directory, SealCertificateFileName),
                PemEncoding.WriteString("CERTIFICATE", Convert.FromBase64String(der)) + "\n");
        }
    }

    private static string CheckedPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix.Length + 30 > CoreLimits.MaxPkcs11LabelLength || prefix.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? throw new ArgumentException($"A label prefix is at most {CoreLimits.MaxPkcs11LabelLength - 30} characters without spaces.", nameof(prefix))
            : prefix;
    }
}
