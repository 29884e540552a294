namespace MicroCredentials.Verification;

/// <summary>
/// One step of a verification: which check, its outcome, a machine code for the reason and a plain English
/// detail. Pages translate <see cref="Reason"/>; the API returns all three.
/// </summary>
/// <param name="Id">The check.</param>
/// <param name="Outcome">Pass, fail, warning or skipped.</param>
/// <param name="Reason">A stable reason code, e.g. <c>signature_invalid</c>, <c>revoked</c>, <c>status_unreachable</c>.</param>
/// <param name="Detail">One plain sentence in English; an uploaded value in it is cut to <see cref="CoreLimits.MaxEchoedChars"/>.</param>
public sealed record VerificationCheck(CheckId Id, CheckOutcome Outcome, string Reason, string Detail)
{
    /// <summary>One plain sentence in English, at most a few hundred characters whatever the upload held.</summary>
    public string Detail { get; init; } = Detail.Length <= 4 * CoreLimits.MaxEchoedChars ? Detail : Echo.Bound(Detail);
}
