using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure;
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
            .WithName("Verify").WithSummary("Verify a credential: JSON, VC-JWT, certificate PDF, or baked PNG/SVG (body or multipart 'file').")
            .Produces<VerificationResponse>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> VerifyApiAsync(HttpRequest request, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CredentialStore store, PublicRateLimiter limiter, IssuanceService issuance, CancellationToken ct)
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
        var (report, successor) = await WithSuccessorAsync(await VerifyBytesAsync(upload.Bytes, verifier, keys, lists, ct), store, ct);
        var genuine = await FindGenuineAsync(report, store, ct);
        return TypedResults.Ok(VerificationResponse.From(report, successor is null ? null : issuance.Options.VerificationUrl(successor.Handle))
            with { GenuineDifferences = genuine?.Differences });
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

    /// <summary>Verifies an uploaded file; our own status lists are read locally.</summary>
    public static async Task<VerificationReport> VerifyBytesAsync(ReadOnlyMemory<byte> bytes, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CancellationToken ct)
    {
        if (bytes.Span.StartsWith("%PDF-"u8))
        {
            return await CertificateVerification.VerifyAsync(verifier, bytes, keys.SealCertificate, await lists.LocalListsForAnyAsync(ct), ct);
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

    /// <summary>Verifies one of our stored credentials and says whether a correction replaced it.</summary>
    public static async Task<(VerificationReport Report, StoredCredential? Successor)> VerifyStoredAsync(StoredCredential stored,
        CredentialStore store, StoredVerificationCache verifications, CancellationToken ct)
    {
        var report = await verifications.VerifyAsync(stored, ct);
        if (stored.SupersededBy is { } next && report.Verdict is Verdict.Revoked && await store.FindByIdAsync(next, ct) is { } successor)
        {
            return (report with { Verdict = Verdict.Superseded }, successor);
        }

        return (report, null);
    }
}
