using System.Runtime.CompilerServices;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MicroCredentials.Host.Jobs;

/// <summary>
/// Stores an uploaded learners CSV (a text/csv body or a multipart field <c>file</c>) as a batch job while it is read:
/// the body is decoded, parsed and stored a chunk at a time (<see cref="LearnerCsvReader.ReadChunksAsync"/>,
/// <see cref="CredentialStore.CreateBatchJobAsync(IAsyncEnumerable{LearnerCsvResult}, string, string?, CancellationToken)"/>),
/// so the host holds about one chunk of it however large it is (at most <see cref="HostLimits.BatchCsvMaxBytes"/>).
/// Problems — too large, not UTF-8, empty, a broken form — are problem details, and no job is left stored.
/// </summary>
internal static class BatchUpload
{
    /// <summary>The stored job's id, or the problem to answer.</summary>
    public sealed record Stored(string? JobId, IResult? Problem);

    public static async Task<Stored> StoreAsync(HttpRequest request, CredentialStore store, MicroCredentialCatalog catalog, DateOnly today,
        string actor, CancellationToken ct)
    {
        if (request.ContentLength > HostLimits.BatchCsvMaxBytes)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return Fail(StatusCodes.Status413PayloadTooLarge, "Upload too large", TooLargeDetail);
        }

        // The body is streamed, not buffered: let it be as large as the batch bound rather than Kestrel's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = HostLimits.BatchCsvMaxBytes;
        }

        var fileName = "upload.csv";
        Stream body;
        if (request.HasFormContentType)
        {
            IFormFile? file;
            try
            {
                // Form files above 64 KB are buffered to a temporary file by ASP.NET Core, not in memory.
                file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return Fail(StatusCodes.Status400BadRequest, "Malformed form", "The multipart form could not be read (or is too large).");
            }

            if (file is null)
            {
                return Fail(StatusCodes.Status400BadRequest, "No file", "The form has no field 'file' with the learners CSV.");
            }

            fileName = Path.GetFileName(file.FileName);
            body = file.OpenReadStream();
        }
        else
        {
            body = request.Body;
        }

        await using var capped = new CappedReadStream(body, HostLimits.BatchCsvMaxBytes);
        using var text = new StreamReader(capped, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        var chunks = LearnerCsvReader.ReadChunksAsync(text, fileName, catalog, today, BatchJobOptions.StoreChunkRows, ct);
        try
        {
            return new Stored(await store.CreateBatchJobAsync(NotEmpty(chunks, capped), actor, fileName, ct), null);
        }
        catch (UploadTooLargeException)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return Fail(StatusCodes.Status413PayloadTooLarge, "Upload too large", TooLargeDetail);
        }
        catch (DecoderFallbackException)
        {
            return Fail(StatusCodes.Status400BadRequest, "Not UTF-8", "Save the CSV as UTF-8 (Excel: 'CSV UTF-8').");
        }
        catch (EmptyUploadException)
        {
            return Fail(StatusCodes.Status400BadRequest, "Empty upload", "The request carries no learners CSV.");
        }
        catch (BadHttpRequestException e)
        {
            return Fail(e.StatusCode, "Upload not read", "The upload could not be read to its end.");
        }
    }

    private static string TooLargeDetail => $"A learners CSV stored as a batch job is at most {HostLimits.BatchCsvMaxBytes / 1024 / 1024} MiB; split it into several batches.";

    // An empty body is refused rather than stored as a job whose only row says "the file is empty".
    private static async IAsyncEnumerable<LearnerCsvResult> NotEmpty(IAsyncEnumerable<LearnerCsvResult> chunks, CappedReadStream read,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var chunk in chunks.WithCancellation(ct))
        {
            if (read.BytesRead == 0)
            {
                throw new EmptyUploadException();
            }

            yield return chunk;
        }
    }

    private static Stored Fail(int status, string title, string detail) =>
        new(null, TypedResults.Problem(title: title, detail: detail, statusCode: status));

    private sealed class EmptyUploadException : Exception
    {
    }
}
