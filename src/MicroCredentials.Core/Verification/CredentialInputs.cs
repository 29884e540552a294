using System.Text;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

/// <summary>
/// Recognises what a file holds — a credential as JSON, a VC-JWT, a baked PNG or SVG badge — and verifies the
/// credential inside. PDF certificates are opened by the Pdf project, which hands the embedded credential here.
/// </summary>
public static partial class CredentialInputs
{
    /// <summary>Verifies the credential in <paramref name="bytes"/>.</summary>
    public static Task<VerificationReport> VerifyAsync(CredentialVerifier verifier, ReadOnlyMemory<byte> bytes,
        Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var text = ExtractText(bytes.Span, cancellationToken, out var problem);
        return text is null
            ? Task.FromResult(Unreadable(problem!))
            : verifier.VerifyTextAsync(text, localList, cancellationToken);
    }

    /// <summary>The report for a file whose credential cannot be read: verdict unreadable, one failed format check.</summary>
    /// <param name="problem">One plain sentence saying why (from <see cref="ExtractText(ReadOnlySpan{byte}, CancellationToken, out string?)"/>).</param>
    public static VerificationReport Unreadable(string problem) => new()
    {
        Verdict = Verdict.Unreadable,
        Checks = [new VerificationCheck(CheckId.Format, CheckOutcome.Fail, VerificationReasons.Malformed, problem)],
    };

    /// <summary>The credential text (JSON or JWT) in a file, or null with the reason.</summary>
    public static string? ExtractText(ReadOnlySpan<byte> bytes, out string? problem) => ExtractText(bytes, CancellationToken.None, out problem);

    /// <summary>
    /// The credential text (JSON or JWT) in a file, or null with the reason. A baked image is read once, within
    /// <see cref="CoreLimits"/>; a limit hit gives null and a plain reason.
    /// </summary>
    /// <param name="bytes">The uploaded file.</param>
    /// <param name="cancellationToken">Stops reading a large image when the requester has gone.</param>
    /// <param name="problem">Why no credential text was found; null on success.</param>
    public static string? ExtractText(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken, out string? problem)
    {
        problem = null;
        if (bytes.StartsWith("%PDF-"u8))
        {
            problem = "This is a PDF: open it with the certificate reader (the host's upload form or 'microcred verify').";
            return null;
        }

        if (FromBaked(bytes, cancellationToken, out var baked, out problem))
        {
            return baked;
        }

        if (problem is not null)
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).Trim('\uFEFF', ' ', '\r', '\n', '\t');
            if (text.Length == 0)
            {
                problem = "The file is empty.";
                return null;
            }

            return text;
        }
        catch (DecoderFallbackException)
        {
            problem = "The file is not text, a PNG or SVG badge, or a PDF certificate.";
            return null;
        }
    }

    /// <summary>Extracts a baked credential from PNG or SVG; false when the bytes are neither.</summary>
    private static partial bool FromBaked(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken, out string? credential, out string? problem);
}
