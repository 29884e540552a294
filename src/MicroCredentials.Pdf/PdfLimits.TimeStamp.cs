namespace MicroCredentials.Pdf;

public static partial class PdfLimits
{
    /// <summary>
    /// Largest time-stamping authority answer read (RFC 3161 <c>TimeStampResp</c>): 16 KiB. Real tokens with the TSA's
    /// certificate chain are 4–8 KB; the seal's <c>/Contents</c> placeholder reserves this much, so a larger answer
    /// could not be embedded anyway, and a 50 MB answer is cut off here.
    /// </summary>
    public const int MaxTimeStampResponseBytes = 16 * 1024;

    /// <summary>
    /// Seconds one time-stamp request may take, connection included: a TSA answers in well under a second; 10 s keeps
    /// a slow or hanging TSA from holding a download for long.
    /// </summary>
    public const int TimeStampTimeoutSeconds = 10;

    /// <summary>Characters of the configured TSA URL: real ones are about 40; the fetch rules allow at most this.</summary>
    public const int MaxTimeStampUrlLength = CoreLimits.FetchMaxUrlLength;
}
