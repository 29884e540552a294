using System.Globalization;
using System.Text;
using MicroCredentials.Baking;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Pages;
using MicroCredentials.Verification;
using static MicroCredentials.Host.Pages.HtmlPage;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The graduate's personal download page <c>/d/{token}</c> (an unguessable link): the PDF in Dutch or English, the
/// signed credential (JSON and JWT), the baked badge, and a LinkedIn add-to-profile link with the fields to copy.
/// </summary>
internal static class DownloadsApi
{
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
        group.MapGet("/", PageAsync);
        group.MapGet("/certificate-{lang}.pdf", async (string token, string lang, CredentialStore store, CertificateService pdf, CancellationToken ct) =>
            await WithCredentialAsync(store, token, ct, c => lang is "nl" or "en"
                ? Results.File(pdf.RenderPdf(c, lang), "application/pdf", $"certificate-{lang}.pdf")
                : TypedResults.Problem(title: "Unknown language", detail: "Choose nl or en.", statusCode: 404)));
        group.MapGet("/credential.json", async (string token, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(store, token, ct, c => Results.File(Encoding.UTF8.GetBytes(c.CredentialJson), "application/vc+ld+json", "credential.json")));
        group.MapGet("/credential.jwt", async (string token, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(store, token, ct, c => c.Jwt is null
                ? TypedResults.Problem(title: "No JWT", detail: "This credential has no VC-JWT form.", statusCode: 404)
                : Results.File(Encoding.ASCII.GetBytes(c.Jwt), "text/plain", "credential.jwt")));
        group.MapGet("/badge.png", async (string token, CredentialStore store, CancellationToken ct) =>
            await WithCredentialAsync(store, token, ct, c => Results.File(PngBaker.Bake(DefaultBadge.Png(Keys.DemoKeys.SignsCredential(c.CredentialJson)), c.CredentialJson), "image/png", "badge.png")));
    }

    private static async Task<IResult> WithCredentialAsync(CredentialStore store, string token, CancellationToken ct, Func<StoredCredential, IResult> then)
    {
        var stored = token.Length is > 8 and <= 64 ? await store.FindByDownloadTokenAsync(token, ct) : null;
        return stored is null
            ? TypedResults.Problem(title: "Unknown download link", detail: "Check that you copied the whole link from your e-mail.", statusCode: 404)
            : then(stored);
    }

    private static async Task<IResult> PageAsync(string token, HttpRequest request, CredentialStore store, IssuanceService issuance, CancellationToken ct)
    {
        var lang = PageLanguage.Choose(request);
        var stored = token.Length is > 8 and <= 64 ? await store.FindByDownloadTokenAsync(token, ct) : null;
        if (stored is null)
        {
            return TypedResults.Problem(title: "Unknown download link", detail: "Check that you copied the whole link from your e-mail.", statusCode: 404);
        }

        var s = CredentialSummary.From(IssuanceService.ParseCredential(stored), lang);
        var verifyUrl = issuance.Options.VerificationUrl(stored.Handle);
        var nl = lang == "nl";
        var body = new StringBuilder()
            .Append("<section><h2>").Append(E(PageTexts.T("downloads", lang))).Append("</h2><p><strong>").Append(E(s.Title)).Append("</strong> — ")
            .Append(E(s.LearnerName)).Append(" — ").Append(E(s.Ects)).Append(" ECTS</p><ul>")
            .Append(Link($"/d/{token}/certificate-nl.pdf", "Getuigschrift (pdf, Nederlands)"))
            .Append(Link($"/d/{token}/certificate-en.pdf", "Certificate (PDF, English)"))
            .Append(Link($"/d/{token}/credential.json", nl ? "Digitaal credential (Open Badges 3.0, json) — voor uw wallet" : "Digital credential (Open Badges 3.0, JSON) — for your wallet"))
            .Append(Link($"/d/{token}/credential.jwt", nl ? "Digitaal credential als VC-JWT" : "Digital credential as VC-JWT"))
            .Append(Link($"/d/{token}/badge.png", nl ? "Badge-afbeelding met het credential erin (png)" : "Badge image with the credential baked in (PNG)"))
            .Append("</ul><p class=\"muted\">").Append(E(nl ? "Deel deze verificatielink met werkgevers:" : "Share this verification link with employers:"))
            .Append(" <a href=\"").Append(E(verifyUrl)).Append("\">").Append(E(verifyUrl)).Append("</a></p></section>")
            .Append(LinkedIn(s, stored, verifyUrl, lang));
        var switchUrl = $"/d/{token}?lang={(nl ? "en" : "nl")}";
        return Results.Content(Render(lang, PageTexts.T("downloads", lang), switchUrl, body.ToString()), "text/html; charset=utf-8");
    }

    private static string LinkedIn(CredentialSummary s, StoredCredential stored, string verifyUrl, string lang)
    {
        var issued = s.IssuedOn ?? DateOnly.FromDateTime(stored.IssuedAt.UtcDateTime);
        var url = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
            + "&name=" + Uri.EscapeDataString(s.Title ?? string.Empty)
            + "&organizationName=" + Uri.EscapeDataString(s.IssuerName ?? string.Empty)
            + "&issueYear=" + issued.Year.ToString(CultureInfo.InvariantCulture)
            + "&issueMonth=" + issued.Month.ToString(CultureInfo.InvariantCulture)
            + "&certUrl=" + Uri.EscapeDataString(verifyUrl)
            + "&certId=" + Uri.EscapeDataString(stored.ShortCode);
        var nl = lang == "nl";
        return new StringBuilder("<section><h2>LinkedIn</h2><p><a href=\"").Append(E(url)).Append("\" rel=\"noopener\">")
            .Append(E(nl ? "Toevoegen aan mijn LinkedIn-profiel" : "Add to my LinkedIn profile")).Append("</a></p><p class=\"muted\">")
            .Append(E(nl ? "Lukt de knop niet? Kopieer deze velden bij 'Licenties en certificaten':" : "If the button does not work, copy these fields under 'Licenses & certifications':"))
            .Append("</p><dl>")
            .Append("<dt>").Append(E(nl ? "Naam" : "Name")).Append("</dt><dd>").Append(E(s.Title)).Append("</dd>")
            .Append("<dt>").Append(E(nl ? "Uitgevende organisatie" : "Issuing organization")).Append("</dt><dd>").Append(E(s.IssuerName)).Append("</dd>")
            .Append("<dt>").Append(E(nl ? "Uitgiftedatum" : "Issue date")).Append("</dt><dd>").Append(E(issued.ToString("MM/yyyy", CultureInfo.InvariantCulture))).Append("</dd>")
            .Append("<dt>").Append(E(nl ? "Referentie" : "Credential ID")).Append("</dt><dd>").Append(E(stored.ShortCode)).Append("</dd>")
            .Append("<dt>URL</dt><dd>").Append(E(verifyUrl)).Append("</dd></dl></section>").ToString();
    }

    private static string Link(string href, string text) => $"<li><a href=\"{E(href)}\">{E(text)}</a></li>";
}
