using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// The outcome of sealing with a time-stamping authority (<see cref="PdfSealSigner.SignAsync(byte[], System.Security.Cryptography.X509Certificates.X509Certificate2, DateTimeOffset, TimeStampClient?, CancellationToken)"/>):
/// the sealed PDF (PAdES B-T, or B-LT when long-term validation data could be added), or — when the TSA gave no valid
/// token — no PDF and the reason. Without a TSA sealing cannot fail. Failing to fetch the long-term validation data
/// never fails sealing: the PDF is then B-T and <see cref="LongTerm"/> says why.
/// </summary>
public sealed record SealResult
{
    /// <summary>The sealed PDF; null when the time-stamp could not be obtained.</summary>
    public byte[]? Pdf { get; init; }

    /// <summary>The time-stamp outcome; null when no TSA was asked (a B-B seal).</summary>
    public TimeStampResult? TimeStamp { get; init; }

    /// <summary>The long-term validation outcome; null when none was attempted (no chain with revocation URLs, or no time-stamp).</summary>
    public LongTermResult? LongTerm { get; init; }

    /// <summary>The PAdES level <see cref="Pdf"/> reached; <see cref="SealLevel.None"/> without a PDF.</summary>
    public SealLevel Level => Pdf is null ? SealLevel.None
        : LongTerm is { Succeeded: true } ? SealLevel.BaselineLt
        : TimeStamp is { Succeeded: true } ? SealLevel.BaselineT
        : SealLevel.BaselineB;

    /// <summary>True when <see cref="Pdf"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Pdf))]
    public bool Succeeded => Pdf is not null;

    /// <summary>One sentence (two with long-term validation) for people and logs.</summary>
    public string Detail => (TimeStamp?.Detail ?? "Sealed without a time-stamp (PAdES B-B).") + (LongTerm is null ? "" : " " + LongTerm.Detail);
}
