using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components.Pages.Verify;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Infrastructure.Telemetry;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Pdf;
using MicroCredentials.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The employer's side: <c>GET /v/{handle}</c> (the QR code's page), <c>GET /v?code=</c> (typed short code),
/// <c>GET /v</c> and <c>POST /v</c> (upload form), and <c>POST /api/verify</c> (the same for software).
/// </summary>
internal static partial class VerificationApi
{
    public static void MapVerification(this WebApplication app)
    {
        var pages = app.MapGroup("/v").RequireRateLimiting(HttpPlumbing.PublicPolicy).ExcludeFromDescription();
        pages.MapMethods("/{handle}", GetAndHead, ShowAsync);
        pages.MapMethods("/", GetAndHead, FindByCodeAsync);
        pages.MapPost("/", UploadPageAsync).DisableAntiforgery();

        app.MapPost("/api/verify", VerifyApiAsync).RequireRateLimiting(HttpPlumbing.PublicPolicy).DisableAntiforgery()
            .WithName("Verify").WithSummary("Verify a credential: JSON, VC-JWT, certificate PDF, baked PNG/SVG, or a JPEG/PNG photo of a certificate (its QR code is read); body or multipart 'file'.")
            .Produces<VerificationResponse>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> VerifyApiAsync(HttpRequest request, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CredentialStore store, PublicRateLimiter limiter, IssuanceService issuance,
        StoredVerificationCache verifications, CancellationToken ct)
    {
        var upload = await UploadReader.ReadAsync(request, ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        // The page cost was taken at the door; the verification's own cost (JWT 2, JSON 5, PDF/PNG/SVG 10) is taken now.
        if (limiter.TryTakeUpload(request.HttpContext, upload.Bytes.Span) is { Allowed: false } refused)
        {
            return HttpPlumbing.TooManyRequests(request.HttpContext, refused.RetryAfter);
        }

        // An SD-JWT VC presented back by a wallet has its own branch (issue 17).
        if (Wallet.SdJwtVcVerification.LooksLikeSdJwt(upload.Bytes.Span))
        {
            return await request.HttpContext.RequestServices.GetRequiredService<Wallet.SdJwtVcVerification>().VerifyAsync(upload.Bytes, ct);
        }

        // ct is the request's RequestAborted: a client that disconnects stops its verification.
        var verified = await VerifyBytesAsync(upload.Bytes, verifier, keys, lists, ct);
        if (verified.Verdict == Verdict.Unreadable && IsPhoto(request, upload.Bytes.Span))
        {
            var photo = await PhotoAnswerAsync(request, upload.Bytes, store, verifications, issuance, ct);
            if (photo is not null)
            {
                return photo;
            }
        }

        var (report, successor) = await WithSuccessorAsync(verified, store, ct);
        var genuine = await FindGenuineAsync(report, store, ct);
        return TypedResults.Ok(VerificationResponse.From(report, successor is null ? null : issuance.Options.VerificationUrl(successor.Handle))
            with { GenuineDifferences = genuine?.Differences });
    }

    // A JPEG or PNG by its bytes, or a body declared image/jpeg (whose bytes may be garbage).
    private static bool IsPhoto(HttpRequest request, ReadOnlySpan<byte> bytes) =>
        QrImageReader.IsImage(bytes) || DeclaredJpeg(request);

    private static bool DeclaredJpeg(HttpRequest request) =>
        request.ContentType?.StartsWith("image/jpeg", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// An uploaded image's answer: our certificate's verification when its QR code leads to one; 413 for an image over the
    /// pixel bound, 400 for a JPEG that does not decode; null (the unreadable verdict stands) for any other image.
    /// </summary>
    private static async Task<IResult?> PhotoAnswerAsync(HttpRequest request, ReadOnlyMemory<byte> bytes, CredentialStore store,
        StoredVerificationCache verifications, IssuanceService issuance, CancellationToken ct)
    {
        var read = await QrImageReader.ReadAsync(bytes, ct);
        switch (read.Outcome)
        {
            case QrImageOutcome.TooManyPixels:
                return TypedResults.Problem(title: "Image too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"The image has more than {HostLimits.QrImagePixels / 1_000_000} megapixels; send a smaller photo of the certificate.");
            case QrImageOutcome.NotAnImage when QrImageReader.IsJpeg(bytes.Span) || DeclaredJpeg(request):
                return TypedResults.Problem(title: "Unreadable image", statusCode: StatusCodes.Status400BadRequest,
                    detail: "The JPEG image could not be decoded.");
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<IssuerOptions>>().Value;
        if (QrImageReader.OurHandle(read.Text, options.PublicBaseUrl) is not { } handle || await store.FindByHandleAsync(handle, ct) is not { } stored)
        {
            return null;
        }

        var (report, successor) = await VerifyStoredAsync(stored, store, verifications, ct);
        return TypedResults.Ok(VerificationResponse.From(report, successor is null ? null : issuance.Options.VerificationUrl(successor.Handle))
            with { ReadFrom = "qr_code", VerificationUrl = issuance.Options.VerificationUrl(stored.Handle) });
    }

    // Our ids are urn:uuid:… (45 characters); a longer one is not ours and is not looked up.
    private const int MaxCredentialIdLength = 200;

    /// <summary>
    /// An uploaded credential (JSON, JWT, PDF or PNG) that proved ours and revoked, and that the database knows was
    /// replaced by a correction, is <see cref="Verdict.Superseded"/> with its successor — as on the page by handle.
    /// </summary>
    public static async Task<(VerificationReport Report, StoredCredential? Successor)> WithSuccessorAsync(VerificationReport report,
        CredentialStore store, CancellationToken ct)
    {
        // Revoked is only reached after our own key verified the proof, so the id is genuinely one of ours.
        if (report.Verdict is not Verdict.Revoked || report.Credential?["id"] is not System.Text.Json.Nodes.JsonValue idValue
            || !idValue.TryGetValue<string>(out var id) || id.Length > MaxCredentialIdLength)
        {
            return (report, null);
        }

        return await store.FindByIdAsync(id, ct) is { SupersededBy: { } next } && await store.FindByIdAsync(next, ct) is { } successor
            ? (report with { Verdict = Verdict.Superseded }, successor)
            : (report, null);
    }

    /// <summary>Verifies an uploaded file; our own status lists are read locally. Traced and counted (<see cref="ProductTelemetry"/>).</summary>
    public static async Task<VerificationReport> VerifyBytesAsync(ReadOnlyMemory<byte> bytes, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CancellationToken ct)
    {
        using var measured = VerificationMeasurement.Start(VerificationMeasurement.FormatOf(bytes.Span));
        return measured.Finish(await VerifyUploadAsync(bytes, verifier, keys, lists, ct));
    }

    private static async Task<VerificationReport> VerifyUploadAsync(ReadOnlyMemory<byte> bytes, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CancellationToken ct)
    {
        if (bytes.Span.StartsWith("%PDF-"u8))
        {
            return await CertificateVerification.VerifyAsync(verifier, bytes, keys.SealCertificates, await lists.LocalListsForAnyAsync(ct), ct);
        }

        // Read and parse the upload once: the parsed credential tells which of our lists to load and is verified as is.
        var text = CredentialInputs.ExtractText(bytes.Span, ct, out var problem);
        if (text is null)
        {
            // The reason is already known: reading a baked image again would double the work.
            return CredentialInputs.Unreadable(problem ?? "The file holds no credential.");
        }

        return text.TrimStart().StartsWith('{') && CredentialJson.TryParse(text) is { Succeeded: true } parsed
            ? await verifier.VerifyJsonAsync(parsed.Document, await lists.LocalListsAsync(parsed.Document, ct), ct)
            : await verifier.VerifyTextAsync(text, await lists.LocalListsForAnyAsync(ct), ct);
    }

    /// <summary>Verifies one of our stored credentials and says whether a correction replaced it. Traced and counted.</summary>
    public static async Task<(VerificationReport Report, StoredCredential? Successor)> VerifyStoredAsync(StoredCredential stored,
        CredentialStore store, StoredVerificationCache verifications, CancellationToken ct)
    {
        using var measured = VerificationMeasurement.Start(VerificationMeasurement.StoredFormat);
        var report = await verifications.VerifyAsync(stored, ct);
        if (stored.SupersededBy is { } next && report.Verdict is Verdict.Revoked && await store.FindByIdAsync(next, ct) is { } successor)
        {
            return (measured.Finish(report with { Verdict = Verdict.Superseded }), successor);
        }

        return (measured.Finish(report), null);
    }
}
