namespace MicroCredentials.Pdf;

/// <summary>Bounds on text shaped with HarfBuzz (Arabic, Hebrew, Thai and the Indic scripts), which the verifier also renders from an uploaded file's credential.</summary>
public static partial class PdfLimits
{
    /// <summary>
    /// Most UTF-16 units of one shaped word: 1,000, five times the longest learner name issue accepts
    /// (<c>CoreLimits.MaxLearnerNameLength</c>). Breaking a word too wide for its box reshapes it once per character cut,
    /// so an unbounded word from a forged credential would cost quadratic time; a longer one is refused, and the
    /// verifier then reports the credential as not one a certificate is printed from.
    /// </summary>
    public const int MaxShapedWordChars = 1_000;
}
