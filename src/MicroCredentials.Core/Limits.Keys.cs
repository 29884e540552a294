namespace MicroCredentials;

/// <summary>Bounds on the key files read at start-up (key history).</summary>
public static partial class CoreLimits
{
    /// <summary>Largest key history file read: <see cref="MaxKeyGenerations"/> generations of about 2.5 KB (keys and seal certificate) fit in 4 MiB.</summary>
    public const long MaxKeyHistoryBytes = 4 * 1024 * 1024;

    /// <summary>Most key generations in a history: a rotation a month for over 80 years; more is a broken file.</summary>
    public const int MaxKeyGenerations = 1000;
}

/// <summary>Bounds on the hardware security module (PKCS#11).</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Most PKCS#11 sessions open at once, one per signing thread: a signing thread takes a session from the pool and
    /// gives it back; more threads wait. Small HSMs allow a few dozen sessions in all, shared with other applications.
    /// </summary>
    public const int MaxPkcs11Sessions = 8;

    /// <summary>Longest key label accepted (configuration or history): labels are short names, not documents.</summary>
    public const int MaxPkcs11LabelLength = 128;
}

/// <summary>Bounds on the seal certificate file.</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Most certificates in a seal file (PKCS#12, or the seal's certificate PEM): the seal and its CA certificates
    /// (intermediates, root). Real chains hold 2–4; the PDF seal's long-term validation looks at no more
    /// (<c>PdfLimits.MaxSealChainCertificates</c> is this value). A file with more stops start-up.
    /// </summary>
    public const int MaxSealChainCertificates = 8;
}
