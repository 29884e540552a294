using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Pages;
using MicroCredentials.Keys;
using MicroCredentials.Pdf;
using MicroCredentials.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The employer's side: <c>GET /v/{handle}</c> (the QR code's page), <c>GET /v?code=</c> (typed short code),
/// <c>GET /v</c> and <c>POST /v</c> (upload form), and <c>POST /api/verify</c> (the same for software).
/// </summary>
internal static class VerificationApi
{
    public static void MapVerification(this WebApplication app)
    {
        var pages = app.MapGroup("/v").RequireRateLimiting(HttpPlumbing.PublicPolicy).ExcludeFromDescription();
        pages.MapGet("/{handle}", ShowAsync);
        pages.MapGet("/", FindByCodeAsync);
        pages.MapPost("/", UploadPageAsync).DisableAntiforgery();

        app.MapPost("/api/verify", VerifyApiAsync).RequireRateLimiting(HttpPlumbing.PublicPolicy).DisableAntiforgery()
            .WithName("Verify").WithSummary("Verify a credential: JSON, VC-JWT, certificate PDF, or baked PNG/SVG (body or multipart 'file').")
            .Produces<VerificationResponse>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> ShowAsync(string handle, HttpRequest request, CredentialStore store, StoredVerificationCache verifications,
        CancellationToken ct)
    {
        var lang = PageLanguage.Choose(request);
        var stored = handle.Length <= 64 ? await store.FindByHandleAsync(handle, ct) : null;
        if (stored is null)
        {
            return NotFound(request, lang);
        }

        var (report, successor) = await VerifyStoredAsync(stored, store, verifications, ct);
        var successorUrl = successor is null ? null : "/v/" + successor.Handle;
        return Results.Content(VerificationPage.Render(report, lang, "/v/" + handle, successorUrl), "text/html; charset=utf-8");
    }

    private static async Task<IResult> FindByCodeAsync(string? code, HttpRequest request, CredentialStore store, CancellationToken ct)
    {
        var lang = PageLanguage.Choose(request);
        if (string.IsNullOrWhiteSpace(code))
        {
            return Results.Content(HtmlPage.Render(lang, PageTexts.T("title", lang), "/v?lang=" + (lang == "nl" ? "en" : "nl"),
                VerificationPage.UploadForm(lang)), "text/html; charset=utf-8");
        }

        var normalized = CredentialHandles.NormalizeShortCode(code);
        var stored = normalized is null ? null : await store.FindByShortCodeAsync(normalized, ct);
        return stored is null ? NotFound(request, lang) : Results.Redirect($"/v/{stored.Handle}?lang={lang}");
    }

    private static async Task<IResult> UploadPageAsync(HttpRequest request, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CredentialStore store, CancellationToken ct)
    {
        var lang = PageLanguage.Choose(request);
        var upload = await UploadReader.ReadAsync(request, ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var (report, successor) = await WithSuccessorAsync(await VerifyBytesAsync(upload.Bytes, verifier, keys, lists, ct), store, ct);
        return Results.Content(VerificationPage.Render(report, lang, "/v", successor is null ? null : "/v/" + successor.Handle), "text/html; charset=utf-8");
    }

    private static async Task<IResult> VerifyApiAsync(HttpRequest request, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CredentialStore store, IssuanceService issuance, CancellationToken ct)
    {
        var upload = await UploadReader.ReadAsync(request, ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var (report, successor) = await WithSuccessorAsync(await VerifyBytesAsync(upload.Bytes, verifier, keys, lists, ct), store, ct);
        return TypedResults.Ok(VerificationResponse.From(report, successor is null ? null : issuance.Options.VerificationUrl(successor.Handle)));
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
        var text = CredentialInputs.ExtractText(bytes.Span, out _);
        if (text is null)
        {
            return await CredentialInputs.VerifyAsync(verifier, bytes, localList: null, ct);
        }

        return text.TrimStart().StartsWith('{') && TryParse(text) is { } credential
            ? await verifier.VerifyJsonAsync(credential, await lists.LocalListsAsync(credential, ct), ct)
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

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult NotFound(HttpRequest request, string lang)
    {
        if (request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            var body = $"<div class=\"verdict v-bad\"><h1>{HtmlPage.E(PageTexts.Verdict(Verdict.Unreadable, lang))}</h1><p>{HtmlPage.E(PageTexts.T("notfound", lang))}</p></div>" + VerificationPage.UploadForm(lang);
            return Results.Content(HtmlPage.Render(lang, PageTexts.T("title", lang), "/v?lang=" + (lang == "nl" ? "en" : "nl"), body),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Problem(title: "Unknown certificate", detail: "No credential has this link or code.", statusCode: 404);
    }
}
