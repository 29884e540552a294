namespace MicroCredentials.Pdf;

/// <summary>What reading an uploaded PDF concluded about the file and its PDF signature (a closed set).</summary>
public enum CertificateVerdict
{
    /// <summary>The bytes are not a PDF file.</summary>
    NotAPdf,

    /// <summary>A PDF header, but the file is damaged or truncated and cannot be read.</summary>
    Damaged,

    /// <summary>A readable PDF without a PDF signature.</summary>
    NoSignature,

    /// <summary>A PDF signature is present but does not verify, or does not cover the whole file.</summary>
    SignatureInvalid,

    /// <summary>The PDF signature verifies and covers the whole file (trust in the signer is decided by the caller).</summary>
    SignatureValid,

    /// <summary>Reading stopped at one of <see cref="PdfLimits"/> (a decompression bomb, too many streams, deep nesting).</summary>
    TooLarge,
}
