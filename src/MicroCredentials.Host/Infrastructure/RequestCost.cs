namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Tokens a public request takes from its client's bucket (<see cref="PublicRateLimiter"/>): a page costs 1, so
/// <see cref="IssuerOptions.PublicRequestsPerMinute"/> is still "page views per minute"; a verification costs what its
/// work costs relative to a page (measured: docs/benchmarks.md — a JWT check ~0.1 ms, Data Integrity with RDFC ~0.4 ms,
/// a PDF or baked image read several ms).
/// </summary>
internal static class RequestCost
{
    /// <summary>Any public GET or HEAD: a page, a well-known document, a status list, a download. Taken at the door.</summary>
    public const int Page = 1;

    /// <summary>Verifying a VC-JWT (or text that is no credential): parse and one signature check.</summary>
    public const int VerifyJwt = 2;

    /// <summary>Verifying JSON: JSON-LD expansion, RDFC-1.0 canonicalisation, schema and signature.</summary>
    public const int VerifyJson = 5;

    /// <summary>Verifying a PDF (parse, seal, attachment, page text) or a baked PNG/SVG (image parse plus the credential inside), or a JPEG photo (decode and QR search).</summary>
    public const int VerifyFile = 10;

    /// <summary>The cost of verifying <paramref name="upload"/>, by what its first bytes say it is.</summary>
    public static int OfUpload(ReadOnlySpan<byte> upload)
    {
        var start = upload.StartsWith("\uFEFF"u8) ? upload[3..] : upload;
        start = start.TrimStart(" \t\r\n"u8);
        return start.StartsWith("%PDF-"u8) || start.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
            || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || start.StartsWith("<"u8)
            ? VerifyFile
            : start.StartsWith("{"u8) ? VerifyJson
            : VerifyJwt;
    }
}
