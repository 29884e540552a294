using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Components.Pages.Verify;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Keys;
using MicroCredentials.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Apis;

/// <summary>The HTML side of verification: the QR code's page, the typed code, the upload form and its answers.</summary>
internal static partial class VerificationApi
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    // The page a photo's QR code led to says so: /v/{handle}?via=qr.
    private const string ViaQuery = "via";
    private const string ViaQr = "qr";
    private const string ViaPrinted = "printed";

    /// <summary>What we hold about an uploaded file whose id we issued but whose claims the checks did not confirm.</summary>
    private sealed record GenuineMatch(StoredCredential Stored, CredentialView View, IReadOnlyList<FactDifference> Differences);

    private static async Task<IResult> ShowAsync(string handle, HttpContext http, CredentialStore store, StoredVerificationCache verifications,
        IssuerKeySet keys, TimeProvider time, IStringLocalizer<SiteTexts> t, CancellationToken ct)
    {
        var stored = handle.Length <= 64 ? await store.FindByHandleAsync(handle, ct) : null;
        if (stored is null)
        {
            return NotFound(http, typed: null);
        }

        var (report, successor) = await VerifyStoredAsync(stored, store, verifications, ct);
        return Page(new VerifyModel
        {
            Report = report,
            Credential = report.Credential is { } c ? CredentialView.From(c, PageCulture.Current) : null,
            CheckedAt = time.GetUtcNow(),
            SelfPath = "/v/" + handle,
            Demo = report.SignedWithDemoKey,
            Stored = stored,
            SuspendedAt = report.Verdict == Verdict.Suspended ? await SuspensionDate.ReadAsync(store, stored, ct) : null,
            SuccessorUrl = successor is null ? null : "/v/" + successor.Handle,
            Note = http.Request.Query[ViaQuery].ToString() switch
            {
                ViaQr => t["Note.QrRead"].Value,
                ViaPrinted => t["Note.PrintedRead"].Value,
                _ => null,
            },
        });
    }

    private static async Task<IResult> FindByCodeAsync(string? code, HttpContext http, CredentialStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Find(http, StatusCodes.Status200OK);
        }

        var normalized = CredentialHandles.NormalizeShortCode(code);
        var stored = normalized is null ? null : await store.FindByShortCodeAsync(normalized, ct);
        return stored is null
            ? NotFound(http, code.Length > HostLimits.TypedCodeLength ? code[..HostLimits.TypedCodeLength] : code)
            : Results.Redirect($"/v/{stored.Handle}?lang={PageCulture.Current}");
    }

    private static async Task<IResult> UploadPageAsync(HttpContext http, CredentialVerifier verifier, IssuerKeySet keys,
        StatusListPublisher lists, CredentialStore store, TimeProvider time, IOptions<IssuerOptions> options, IStringLocalizer<SiteTexts> t,
        PublicRateLimiter limiter, CancellationToken ct)
    {
        var upload = await UploadReader.ReadAsync(http.Request, ct);
        if (upload.Problem is { } problem)
        {
            return WantsHtml(http.Request) ? UploadError(http, problem) : problem;
        }

        // The page cost was taken at the door; the verification's own cost (JWT 2, JSON 5, PDF/PNG/SVG 10) is taken now.
        if (limiter.TryTakeUpload(http, upload.Bytes.Span) is { Allowed: false } refused)
        {
            return HttpPlumbing.TooManyRequests(http, refused.RetryAfter);
        }

        var report = await VerifyBytesAsync(upload.Bytes, verifier, keys, lists, ct);
        var photo = report.Verdict == Verdict.Unreadable && QrImageReader.IsImage(upload.Bytes.Span);
        var read = photo ? await QrImageReader.ReadAsync(upload.Bytes, ct) : null;
        if (read is { Outcome: QrImageOutcome.TooManyPixels })
        {
            return Find(http, StatusCodes.Status413PayloadTooLarge, "UploadError", t["Error.Pixels", HostLimits.QrImagePixels / 1_000_000]);
        }

        if (read is { Outcome: QrImageOutcome.NotAnImage } && QrImageReader.IsJpeg(upload.Bytes.Span))
        {
            return Find(http, StatusCodes.Status400BadRequest, "UploadError", t["Error.Image"]);
        }

        if (QrImageReader.OurHandle(read?.Text, options.Value.PublicBaseUrl) is { } handle)
        {
            // A photo or screenshot of a certificate: its QR code leads to the certificate's own page, which says what happened.
            return Results.Redirect($"/v/{handle}?lang={PageCulture.Current}&{ViaQuery}={ViaQr}");
        }

        var printed = report.Verdict == Verdict.Unreadable && upload.Bytes.Span.StartsWith("%PDF-"u8);
        if (printed && await PrintedHandleAsync(upload.Bytes, store, options.Value.PublicBaseUrl, ct) is { } printedHandle)
        {
            // A certificate re-saved or printed to PDF lost its embedded credential, not its printed code or QR code.
            return Results.Redirect($"/v/{printedHandle}?lang={PageCulture.Current}&{ViaQuery}={ViaPrinted}");
        }

        var credential = report.Credential is { } c ? CredentialView.From(c, PageCulture.Current) : null;
        var genuine = await FindGenuineAsync(report, store, ct);
        var ours = IsGenuine(report.Verdict) && credential?.Id is { } id ? await store.FindByIdAsync(id, ct) : null;
        var successor = ours?.SupersededBy is { } next && report.Verdict == Verdict.Revoked ? await store.FindByIdAsync(next, ct) : null;
        return Page(new VerifyModel
        {
            Report = successor is null ? report : report with { Verdict = Verdict.Superseded },
            Credential = credential,
            CheckedAt = time.GetUtcNow(),
            SelfPath = "/v",
            Demo = report.SignedWithDemoKey,
            Stored = ours,
            SuccessorUrl = successor is null ? null : "/v/" + successor.Handle,
            Genuine = genuine?.View,
            GenuineUrl = genuine is null ? null : "/v/" + genuine.Stored.Handle,
            Differences = genuine?.Differences ?? [],
            Note = photo ? t["Note.QrNone"].Value : printed ? t["Note.PrintedNone"].Value : null,
        });
    }

    /// <summary>The handle a PDF without embedded credential leads to: by its printed short code, else its QR code.</summary>
    private static async Task<string?> PrintedHandleAsync(ReadOnlyMemory<byte> pdf, CredentialStore store, Uri publicBaseUrl, CancellationToken ct)
    {
        var found = PrintedCertificateReader.Read(pdf);
        foreach (var code in found.ShortCodes)
        {
            if (await store.FindByShortCodeAsync(code, ct) is { } stored)
            {
                return stored.Handle;
            }
        }

        return QrImageReader.OurHandle(found.QrText, publicBaseUrl);
    }

    /// <summary>For a file the checks did not confirm but whose id we issued: the genuine credential and what differs.</summary>
    private static async Task<GenuineMatch?> FindGenuineAsync(VerificationReport report, CredentialStore store, CancellationToken ct)
    {
        if (report.Verdict is not (Verdict.NotGenuine or Verdict.UnknownIssuer) || report.Credential is not { } credential
            || credential["id"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        var id = (string)credential["id"]!;
        if (id.Length > 200 || await store.FindByIdAsync(id, ct) is not { } stored)
        {
            return null;
        }

        var genuine = CredentialView.From(IssuanceService.ParseCredential(stored), PageCulture.Current);
        return new GenuineMatch(stored, genuine, CredentialView.From(credential, PageCulture.Current).DifferencesFrom(genuine));
    }

    /// <summary>The signature is the issuer's: everything but not genuine, another issuer, unreadable.</summary>
    private static bool IsGenuine(Verdict verdict) => verdict is not (Verdict.NotGenuine or Verdict.UnknownIssuer or Verdict.Unreadable);

    private static RazorComponentResult<VerifyPage> Page(VerifyModel model) =>
        new(new Dictionary<string, object?> { [nameof(VerifyPage.M)] = model });

    private static RazorComponentResult<FindPage> Find(HttpContext http, int status, string? problem = null, string? message = null,
        string? typed = null, IReadOnlyList<string>? hints = null) =>
        new(new Dictionary<string, object?>
        {
            [nameof(FindPage.Problem)] = problem,
            [nameof(FindPage.Message)] = message,
            [nameof(FindPage.TypedCode)] = typed,
            [nameof(FindPage.Hints)] = hints ?? [],
            [nameof(FindPage.SwitchPath)] = typed is null ? "/v" : "/v?code=" + Uri.EscapeDataString(typed),
        })
        { StatusCode = status };

    // Browsers get a page in their language that keeps what they typed; API clients get problem details.
    private static IResult NotFound(HttpContext http, string? typed)
    {
        if (!WantsHtml(http.Request))
        {
            return TypedResults.Problem(title: "Unknown certificate", detail: "No credential has this link or code.", statusCode: 404);
        }

        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SiteTexts>>();
        return Find(http, StatusCodes.Status404NotFound, "NotFound", typed is null ? t["NotFound.Link"] : t["NotFound.Help"], typed,
            typed is null ? [] : CodeHints.For(typed, t));
    }

    // The upload form's errors (too large, wrong type, broken form) as a page with the form again.
    private static IResult UploadError(HttpContext http, IResult problem)
    {
        var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SiteTexts>>();
        var limit = http.RequestServices.GetRequiredService<IOptions<IssuerOptions>>().Value.MaxUploadBytes;
        string message = status switch
        {
            StatusCodes.Status413PayloadTooLarge => t["Error.TooLarge", (limit / (1024.0 * 1024)).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)],
            StatusCodes.Status415UnsupportedMediaType => t["Error.Type"],
            _ => t["Error.Form"],
        };
        return Find(http, status, "UploadError", message);
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
