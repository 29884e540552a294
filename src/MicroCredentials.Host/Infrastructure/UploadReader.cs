using System.Buffers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Reads an uploaded credential from a request body or a multipart form field <c>file</c>, enforcing the size limit
/// and the accepted media types; problems become 4xx problem details.
/// </summary>
internal static class UploadReader
{
    private static readonly string[] Accepted =
    [
        "application/json", "application/ld+json", "application/vc+ld+json", "application/vc", "text/plain", "application/jwt",
        "application/vc+jwt", "application/pdf", "image/png", "image/jpeg", "image/svg+xml", "application/octet-stream",
    ];

    public sealed record Upload(ReadOnlyMemory<byte> Bytes, IResult? Problem);

    public static async Task<Upload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<IssuerOptions>>().Value.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            await DrainOrCloseAsync(request, ct);
            return TooLarge(limit);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } media)
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the credential as application/json, a VC-JWT as text/plain, a PDF, PNG, JPEG or SVG, or a multipart form with a field 'file'.");
        }

        Stream source;
        IFormFile? file = null;
        if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var form = await request.ReadFormAsync(ct);
                file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return Fail(StatusCodes.Status400BadRequest, "Malformed form", "The multipart form could not be read.");
            }

            if (file is null)
            {
                return Fail(StatusCodes.Status400BadRequest, "No file", "The form has no file; choose the certificate to check.");
            }

            if (file.Length > limit)
            {
                return TooLarge(limit);
            }

            source = file.OpenReadStream();
        }
        else if (Accepted.Contains(media, StringComparer.OrdinalIgnoreCase))
        {
            source = request.Body;
        }
        else
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"'{media}' is not accepted. Send JSON, a VC-JWT as text/plain, a PDF, PNG, JPEG or SVG, or a multipart form.");
        }

        await using (source)
        {
            var bytes = await ReadAllAsync(source, file?.Length ?? request.ContentLength, limit, ct);
            if (bytes is null && file is null)
            {
                await DrainOrCloseAsync(request, ct);
            }

            return bytes is null ? TooLarge(limit)
                : bytes.Length == 0 ? Fail(StatusCodes.Status400BadRequest, "Empty upload", "The request carries no credential.")
                : new Upload(bytes, null);
        }
    }

    // Buffers of uploads of unknown length come from a pool of our own whose arrays are at most
    // HostLimits.UploadPoolMaxArrayBytes, so large uploads never leave large arrays parked in ArrayPool.Shared's
    // per-thread caches (the fuzz gate measured ~170 MB kept that way after a run of 3 MB uploads).
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(HostLimits.UploadPoolMaxArrayBytes, HostLimits.UploadPoolArraysPerBucket);

    // Reads the whole stream into an array of its exact size: straight into that array when the length is declared,
    // otherwise through pooled buffers; null when it holds more than `limit` bytes.
    private static async Task<byte[]?> ReadAllAsync(Stream source, long? declared, long limit, CancellationToken ct)
    {
        if (declared is > 0 && declared <= limit)
        {
            var exact = new byte[declared.Value];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await source.ReadAsync(exact.AsMemory(filled), ct)) > 0)
            {
                filled += got;
            }

            // More bytes than declared is a broken request; fewer is a truncated one: both are read the general way's rules.
            var probe = new byte[1];
            return filled < exact.Length ? exact[..filled] : await source.ReadAsync(probe, ct) > 0 ? null : exact;
        }

        var buffer = Pool.Rent((int)Math.Min(limit + 1, 16 * 1024));
        var count = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(count), ct)) > 0)
            {
                count += read;
                if (count > limit)
                {
                    return null;
                }

                if (count == buffer.Length)
                {
                    var larger = Pool.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    Pool.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            Pool.Return(buffer);
        }
    }

    // A browser that is still sending its upload when the answer comes often shows "connection reset" instead of our
    // answer. So an oversized body of at most HostLimits.UploadDrainMaxBytes is read to its end and thrown away (Kestrel's
    // minimum data rate still ends a slow sender); a larger one gets its answer with "Connection: close".
    private static async Task DrainOrCloseAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is null or > HostLimits.UploadDrainMaxBytes)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return;
        }

        var buffer = Pool.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > HostLimits.UploadDrainMaxBytes)
                {
                    request.HttpContext.Response.Headers.Connection = "close";
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            request.HttpContext.Response.Headers.Connection = "close";
        }
        finally
        {
            Pool.Return(buffer);
        }
    }

    public sealed record CsvUpload(string? Text, string FileName, IResult? Problem);

    /// <summary>Reads a CSV from a text/csv body or a multipart field <c>file</c>.</summary>
    public static async Task<CsvUpload> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        var isCsv = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase));
        var fileName = "upload.csv";
        if (isCsv)
        {
            request.ContentType = "application/octet-stream";
        }
        else if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(ct);
                fileName = form.Files.GetFile("file") is { } file ? Path.GetFileName(file.FileName) : fileName;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return new CsvUpload(null, fileName, TypedResults.Problem(title: "Malformed form", detail: "The multipart form could not be read.", statusCode: 400));
            }
        }

        var upload = await ReadAsync(request, ct);
        if (upload.Problem is { } problem)
        {
            return new CsvUpload(null, fileName, problem);
        }

        try
        {
            return new CsvUpload(new System.Text.UTF8Encoding(false, true).GetString(upload.Bytes.Span), fileName, null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return new CsvUpload(null, fileName, TypedResults.Problem(title: "Not UTF-8", detail: "Save the CSV as UTF-8 (Excel: 'CSV UTF-8').", statusCode: 400));
        }
    }

    private static Upload TooLarge(long limit) => Fail(StatusCodes.Status413PayloadTooLarge, "Upload too large",
        $"Certificates are much smaller than {limit / 1024 / 1024} MiB; this file is not one.");

    private static Upload Fail(int status, string title, string detail) =>
        new(ReadOnlyMemory<byte>.Empty, TypedResults.Problem(title: title, detail: detail, statusCode: status));
}
