using System.Text;
using MicroCredentials.Baking;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Components.Images;
using MicroCredentials.Host.Components.Pages.Graduate;
using MicroCredentials.Host.Components.Pages.Verify;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The graduate's personal download page <c>/d/{token}</c> (an unguessable link): the PDF in Dutch, English or French, the
/// signed credential (JSON and JWT), the baked badge, and a LinkedIn add-to-profile link with the fields to copy.
/// Files are named after what they are: <c>&lt;title&gt;-&lt;name&gt;-nl.pdf</c>.
/// </summary>
internal static class DownloadsApi
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void MapDownloads(this WebApplication app)
    {
        var group = app.MapGroup("/d/{token}").RequireRateLimiting(HttpPlumbing.PublicPolicy).ExcludeFromDescription();

        // Personal documents behind a secret link: no cache may keep them, and the link never leaks as a Referer.
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            return await next(context);
        });
        group.MapMethods("/", GetAndHead, PageAsync);
        group.MapMethods("/certificate-{lang}.pdf", GetAndHead, async (string token, string lang, HttpContext http, CredentialStore store, CertificateService pdf, CancellationToken ct) =>
            await WithCredentialAsync(http, store, token, ct, async (c, view) => CertificateRendering.IsLanguage(lang)
                ? Results.File(await pdf.GetPdfAsync(c, lang, ct), "application/pdf", DownloadModel.FileName(view, lang, "pdf"))
                : TypedResults.Problem(title: "Unknown language", detail: "Choose nl, en or fr.", statusCode: 404)));
        group.MapMethods("/credential.json", GetAndHead, async (string token, HttpContext http, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(http, store, token, ct, (c, view) =>
                Results.File(Encoding.UTF8.GetBytes(c.CredentialJson), "application/vc+ld+json", DownloadModel.FileName(view, null, "json"))));
        group.MapMethods("/credential.jwt", GetAndHead, async (string token, HttpContext http, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(http, store, token, ct, (c, view) => c.Jwt is null
                ? TypedResults.Problem(title: "No JWT", detail: "This credential has no VC-JWT form.", statusCode: 404)
                : Results.File(Encoding.ASCII.GetBytes(c.Jwt), "text/plain", DownloadModel.FileName(view, null, "jwt"))));
        group.MapMethods("/badge.png", GetAndHead, async (string token, HttpContext http, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(http, store, token, ct, (c, view) =>
                Results.File(Badge(c, CredentialView.From(IssuanceService.ParseCredential(c), "en")), "image/png", DownloadModel.FileName(view, null, "png"))));
        group.MapMethods("/preview-{lang}.png", GetAndHead, async (string token, string lang, HttpContext http, CredentialStore store, IssuanceService issuance, CancellationToken ct) =>
            await WithCredentialAsync(http, store, token, ct, c => CertificateRendering.IsLanguage(lang)
                ? Results.File(Preview(c, lang, issuance.Options.VerificationUrl(c.Handle)), "image/png")
                : TypedResults.Problem(title: "Unknown language", detail: "Choose nl, en or fr.", statusCode: 404)));
    }

    /// <summary>The badge naming the micro-credential and the institution (in English, the badge's one language), credential baked in.</summary>
    private static byte[] Badge(StoredCredential c, CredentialView english) =>
        ImageCache.Shared.GetOrDraw(c.Id + "|badge", () =>
            PngBaker.Bake(BadgeImage.Png(english.Title, english.IssuerName, Keys.DemoKeys.SignsCredential(c.CredentialJson)), c.CredentialJson));

    /// <summary>The picture of page 1 of the certificate in <paramref name="lang"/>, drawn once per credential and language.</summary>
    private static byte[] Preview(StoredCredential c, string lang, string verificationUrl) =>
        ImageCache.Shared.GetOrDraw(c.Id + "|preview-" + lang, () =>
        {
            var view = CredentialView.From(IssuanceService.ParseCredential(c), lang);
            return CertificatePreview.Png(new CertificatePreview.Facts(view.IssuerName, view.LearnerName, view.Title, view.Ects, view.EqfLevel,
                view.AwardedOn ?? DateOnly.FromDateTime((c.AwardedAt ?? c.IssuedAt).UtcDateTime), verificationUrl, c.ShortCode,
                Keys.DemoKeys.SignsCredential(c.CredentialJson)), System.Globalization.CultureInfo.GetCultureInfo(lang));
        });

    private static Task<IResult> WithCredentialAsync(HttpContext http, CredentialStore store, string token, CancellationToken ct,
        Func<StoredCredential, IResult> then) =>
        WithCredentialAsync(http, store, token, ct, (c, _) => Task.FromResult(then(c)));

    private static Task<IResult> WithCredentialAsync(HttpContext http, CredentialStore store, string token, CancellationToken ct,
        Func<StoredCredential, CredentialView, IResult> then) =>
        WithCredentialAsync(http, store, token, ct, (c, view) => Task.FromResult(then(c, view)));

    private static async Task<IResult> WithCredentialAsync(HttpContext http, CredentialStore store, string token, CancellationToken ct,
        Func<StoredCredential, CredentialView, Task<IResult>> then)
    {
        var stored = token.Length is > 8 and <= 64 ? await store.FindByDownloadTokenAsync(token, ct) : null;
        return stored is null
            ? UnknownLink(http)
            : await then(stored, CredentialView.From(IssuanceService.ParseCredential(stored), PageCulture.Current));
    }

    private static async Task<IResult> PageAsync(string token, HttpContext http, CredentialStore store, IssuanceService issuance,
        MicroCredentialCatalog catalog, CancellationToken ct)
    {
        var stored = token.Length is > 8 and <= 64 ? await store.FindByDownloadTokenAsync(token, ct) : null;
        if (stored is null)
        {
            return UnknownLink(http);
        }

        var model = new DownloadModel
        {
            Stored = stored,
            Credential = CredentialView.From(IssuanceService.ParseCredential(stored), PageCulture.Current),
            BasePath = "/d/" + token,
            VerificationUrl = issuance.Options.VerificationUrl(stored.Handle),
            SuspendedAt = await SuspensionDate.ReadAsync(store, stored, ct),
            LinkedInOrganizationId = catalog.Issuer.LinkedInOrganizationId is { Length: > 0 and <= 20 } org && org.All(char.IsAsciiDigit) ? org : null,
        };
        return new RazorComponentResult<DownloadPage>(new Dictionary<string, object?> { [nameof(DownloadPage.M)] = model });
    }

    // A browser gets a page in its language (with the verification forms); software gets problem details.
    internal static IResult UnknownLink(HttpContext http)
    {
        if (!http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "Unknown download link", detail: "Check that you copied the whole link from your e-mail.", statusCode: 404);
        }

        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SiteTexts>>();
        return new RazorComponentResult<FindPage>(new Dictionary<string, object?>
        {
            [nameof(FindPage.Problem)] = "NotFound",
            [nameof(FindPage.Message)] = t["Graduate.UnknownLink"].Value,
            [nameof(FindPage.SwitchPath)] = http.Request.Path.Value ?? "/v",
        })
        { StatusCode = StatusCodes.Status404NotFound };
    }
}
