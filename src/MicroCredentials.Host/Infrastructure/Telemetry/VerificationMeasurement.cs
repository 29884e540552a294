using System.Diagnostics;
using MicroCredentials.Verification;

namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>
/// One verification as telemetry sees it: a <c>verify</c> span from <see cref="Start"/> to <see cref="Finish"/>, then the
/// verdict counted and the latency recorded by format (<see cref="ProductTelemetry.Verified"/>). A verification that
/// throws (the request was cancelled) ends its span without a verdict and is not counted.
/// </summary>
internal sealed class VerificationMeasurement : IDisposable
{
    /// <summary>The format of one of our stored credentials verified by its handle, short code or a photo's QR code.</summary>
    public const string StoredFormat = "stored";

    private readonly string format;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Activity? span;

    private VerificationMeasurement(string format)
    {
        this.format = format;
        span = ProductTelemetry.ActivitySource.StartActivity("verify");
        span?.SetTag(TelemetryTags.Format, format);
    }

    /// <summary>Starts measuring a verification of <paramref name="format"/>.</summary>
    public static VerificationMeasurement Start(string format) => new(format);

    /// <summary>What an upload is by its first bytes: <c>pdf</c>, <c>png</c>, <c>svg</c>, <c>json</c> or <c>jwt</c> (anything else).</summary>
    public static string FormatOf(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.TrimStart(" \t\r\n"u8);
        return start.StartsWith("%PDF-"u8) ? "pdf"
            : start.StartsWith(PngSignature) ? "png"
            : start.StartsWith("<"u8) ? "svg"
            : start.StartsWith("{"u8) ? "json"
            : "jwt";
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G'];

    /// <summary>Records the verdict of <paramref name="report"/> and returns it.</summary>
    public VerificationReport Finish(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdict = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(report.Verdict.ToString());
        span?.SetTag(TelemetryTags.Verdict, verdict);
        ProductTelemetry.Verified(verdict, format, Stopwatch.GetElapsedTime(started));
        return report;
    }

    /// <summary>Ends the span.</summary>
    public void Dispose() => span?.Dispose();
}
