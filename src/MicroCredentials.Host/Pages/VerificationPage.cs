using System.Globalization;
using System.Text;
using MicroCredentials.Verification;
using static MicroCredentials.Host.Pages.HtmlPage;

namespace MicroCredentials.Host.Pages;

/// <summary>
/// The page an employer sees after scanning the QR code: the verdict first, in plain words, then who issued what
/// to whom, then every check with its result. The learner's e-mail never appears.
/// </summary>
internal static class VerificationPage
{
    /// <summary>Renders a verification report.</summary>
    /// <param name="report">The verification result.</param>
    /// <param name="lang"><c>nl</c> or <c>en</c>.</param>
    /// <param name="selfUrl">This page's path (for the language switch).</param>
    /// <param name="successorUrl">For a superseded credential, the new credential's page.</param>
    public static string Render(VerificationReport report, string lang, string selfUrl, string? successorUrl = null)
    {
        var sb = new StringBuilder(4096);
        var css = report.Verdict switch
        {
            Verdict.Valid => "v-ok",
            Verdict.ValidStatusUnknown or Verdict.Suspended or Verdict.NotYetValid or Verdict.Expired or Verdict.UnknownIssuer
                or Verdict.StatusListCredential => "v-warn",
            _ => "v-bad",
        };
        sb.Append("<div class=\"verdict ").Append(css).Append("\" role=\"status\" data-verdict=\"").Append(report.Verdict).Append("\"><h1>")
          .Append(E(PageTexts.Verdict(report.Verdict, lang))).Append("</h1><p>").Append(E(PageTexts.Explain(report.Verdict, lang)));
        if (successorUrl is not null)
        {
            sb.Append(" <a style=\"color:#fff;font-weight:600\" href=\"").Append(E(successorUrl)).Append("\">")
              .Append(E(PageTexts.T("superseded.link", lang))).Append(" →</a>");
        }

        sb.Append("</p></div>");

        if (report.Credential is { } credential && report.Verdict != Verdict.Unreadable)
        {
            AppendSummary(sb, CredentialSummary.From(credential, lang), lang);
        }

        sb.Append("<section><h2>").Append(E(PageTexts.T("checks", lang))).Append("</h2><ul class=\"checks\">");
        foreach (var check in report.Checks)
        {
            sb.Append("<li data-check=\"").Append(check.Id).Append("\" data-outcome=\"").Append(check.Outcome).Append("\">")
              .Append(E(PageTexts.Check(check.Id, lang))).Append(": <span class=\"st st-").Append(check.Outcome).Append("\">")
              .Append(E(PageTexts.Outcome(check.Outcome, lang))).Append("</span><span class=\"detail\">")
              .Append(E(PageTexts.Reason(check, lang))).Append("</span></li>");
        }

        sb.Append("</ul></section>");
        sb.Append(UploadForm(lang));
        var switchUrl = selfUrl + (selfUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + (lang == "nl" ? "en" : "nl");
        return HtmlPage.Render(lang, PageTexts.Verdict(report.Verdict, lang) + " — " + PageTexts.T("title", lang), switchUrl, sb.ToString());
    }

    /// <summary>The upload and code forms (also the page of <c>GET /v</c>).</summary>
    public static string UploadForm(string lang) => new StringBuilder()
        .Append("<section><h2>").Append(E(PageTexts.T("upload.title", lang))).Append("</h2>")
        .Append("<form method=\"post\" action=\"/v?lang=").Append(lang).Append("\" enctype=\"multipart/form-data\">")
        .Append("<label for=\"file\" class=\"muted\">").Append(E(PageTexts.T("upload.help", lang))).Append("</label>")
        .Append("<input id=\"file\" type=\"file\" name=\"file\" accept=\".pdf,.png,.svg,.json,.jwt,.jws,.txt\" required>")
        .Append("<button type=\"submit\">").Append(E(PageTexts.T("upload.button", lang))).Append("</button></form></section>")
        .Append("<section><h2>").Append(E(PageTexts.T("code.title", lang))).Append("</h2>")
        .Append("<form method=\"get\" action=\"/v\"><input type=\"hidden\" name=\"lang\" value=\"").Append(lang).Append("\">")
        .Append("<label for=\"code\" class=\"muted\">").Append(E(PageTexts.T("code.help", lang))).Append("</label>")
        .Append("<input id=\"code\" type=\"text\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"32\" required>")
        .Append("<button type=\"submit\">").Append(E(PageTexts.T("upload.button", lang))).Append("</button></form></section>")
        .ToString();

    private static void AppendSummary(StringBuilder sb, CredentialSummary s, string lang)
    {
        var culture = CultureInfo.GetCultureInfo(lang == "en" ? "en-GB" : "nl-BE");
        sb.Append("<section><dl>");
        Row(sb, "field.learner", s.LearnerName, lang, "learner");
        Row(sb, "field.title", s.Title, lang, "title");
        Row(sb, "field.ects", s.Ects, lang, "ects");
        Row(sb, "field.eqf", s.EqfLevel, lang, "eqf");
        Row(sb, "field.grade", s.Grade, lang, "grade");
        Row(sb, "field.issuer", s.IssuerName, lang, "issuer");
        Row(sb, "field.country", s.IssuerCountry, lang, "country");
        Row(sb, "field.awarded", s.AwardedOn?.ToString("d MMMM yyyy", culture), lang, "awarded");
        Row(sb, "field.date", s.IssuedOn?.ToString("d MMMM yyyy", culture), lang, "issued");
        sb.Append("</dl><p class=\"muted\">").Append(E(PageTexts.T("field.id", lang))).Append(": <code>").Append(E(s.Id)).Append("</code></p></section>");
    }

    private static void Row(StringBuilder sb, string key, string? value, string lang, string field)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append("<dt>").Append(E(PageTexts.T(key, lang))).Append("</dt><dd data-field=\"").Append(field).Append("\">")
              .Append(E(value)).Append("</dd>");
        }
    }
}
