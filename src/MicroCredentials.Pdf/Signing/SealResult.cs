using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// The outcome of sealing with a time-stamping authority (<see cref="PdfSealSigner.SignAsync"/>): the sealed PDF
/// (PAdES B-T), or — when the TSA gave no valid token — no PDF and the reason. Without a TSA sealing cannot fail.
/// </summary>
public sealed record SealResult
{
    /// <summary>The sealed PDF; null when the time-stamp could not be obtained.</summary>
    public byte[]? Pdf { get; init; }

    /// <summary>The time-stamp outcome; null when no TSA was asked (a B-B seal).</summary>
    public TimeStampResult? TimeStamp { get; init; }

    /// <summary>True when <see cref="Pdf"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Pdf))]
    public bool Succeeded => Pdf is not null;

    /// <summary>One sentence for people and logs.</summary>
    public string Detail => TimeStamp?.Detail ?? "Sealed without a time-stamp (PAdES B-B).";
}
