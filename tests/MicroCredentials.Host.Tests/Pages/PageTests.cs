using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>The public pages over HTTP: language choice, culture formatting, demo marking, unconfirmed claims, no dead ends.</summary>
public sealed partial class PageTests : PageHostFixture
{
    [TestCase("nl-BE,nl;q=0.9", "nl", TestName = "Language_AcceptLanguageDutchRegional_IsDutch")]
    [TestCase("fr-BE,fr;q=0.9,en;q=0.5", "fr", TestName = "Language_AcceptLanguageFrench_IsFrench")]
    [TestCase("de-DE,de;q=0.9", "en", TestName = "Language_AcceptLanguageGerman_FallsBackToEnglish")]
    [TestCase(null, "en", TestName = "Language_NoAcceptLanguage_IsEnglish")]
    public async Task Language_FromAcceptLanguage(string? header, string expected)
    {
        var issued = await Host.IssueAsync("Lena Claes");
        var html = await Host.PageAsync("/v/" + issued.Handle, header);
        Assert.That(html, Does.Contain($"<html lang=\"{expected}\""));
    }

    [Test]
    public async Task Language_SwitchQuery_SetsCookieThatChoosesTheNextPage()
    {
        var issued = await Host.IssueAsync("Lena Claes");
        using var switched = await Host.GetPageAsync($"/v/{issued.Handle}?lang=fr", "nl");
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mc-lang=", StringComparison.Ordinal));
        using var next = await Host.GetPageAsync($"/v/{issued.Handle}", "nl", cookie.Split(';')[0]);
        var html = await next.Content.ReadAsStringAsync();

        Assert.That(await switched.Content.ReadAsStringAsync(), Does.Contain("<html lang=\"fr\"").And.Contain("Authentique et valable"));
        Assert.That(html, Does.Contain("<html lang=\"fr\""));
        Assert.That(html, Does.Contain($"href=\"/v/{issued.Handle}?lang=nl\"").And.Contain($"href=\"/v/{issued.Handle}?lang=en\""));
    }

    [TestCase("nl", "15,5 op 20", "6 februari 2026", "165 uur")]
    [TestCase("en", "15.5 out of 20", "6 February 2026", "165 hours")]
    [TestCase("fr", "15,5 sur 20", "6 février 2026", "165 heures")]
    public async Task Page_GradeDateAndWorkload_FormattedByCulture(string lang, string grade, string awarded, string workload)
    {
        var issued = await Host.IssueAsync("Ruben Maes", grade: "15,5");
        var html = await Host.PageAsync($"/v/{issued.Handle}?lang={lang}");

        Assert.That(html, Does.Contain($"<dd data-field=\"grade\">{grade}"));
        Assert.That(html, Does.Contain($"<dd data-field=\"awarded\">{awarded}</dd>"));
        Assert.That(html, Does.Contain($"<dd data-field=\"workload\">{workload}</dd>"));
    }

    [Test]
    public async Task Page_Valid_ShowsEveryEmployerFactCheckTimeAndServiceStatement()
    {
        var issued = await Host.IssueAsync("Sara Wouters");
        var html = await Host.PageAsync($"/v/{issued.Handle}?lang=en");

        foreach (var field in new[] { "learner", "title", "ects", "workload", "eqf", "grade", "awarded", "period", "issued", "outcomes", "assessment",
                     "participation", "supervision", "quality_assurance", "prerequisites", "stackability", "course", "institution", "address", "website", "contact" })
        {
            Assert.That(html, Does.Contain($"data-field=\"{field}\""), field);
        }

        Assert.That(html, Does.Contain("The student structures and validates clinical datasets"));
        Assert.That(html, Does.Contain("data-field=\"checked_at\">Checked on ").And.Contain(" UTC by localhost."));
        Assert.That(html, Does.Contain("This is the verification service of Nova Academy"));
        Assert.That(html, Does.Match("<details class=\"technical\"><summary>Technical details</summary>"));
        Assert.That(html, Does.Contain("mailto:microcredentials@nova-academy.be"));
    }

    [Test]
    public async Task Pages_DemoKeys_BannerEverywhereAndVerdictNeverPlainGreen()
    {
        var issued = await Host.IssueAsync("Noor Peeters");
        var verify = await Host.PageAsync("/v/" + issued.Handle);
        foreach (var path in new[] { "/v/" + issued.Handle, "/v", issued.DownloadPath, "/v/unknownhandle", "/v?code=ZZZZ-ZZZZ-ZZZZ" })
        {
            Assert.That(await Host.PageAsync(path), Does.Contain("class=\"demo-banner\"").And.Contain("the keys of this service are public"), path);
        }

        Assert.That(verify, Does.Contain("class=\"verdict v-demo\""));
        Assert.That(verify, Does.Not.Contain("v-ok"));
        Assert.That(verify, Does.Contain("Genuine and valid — Demo"));
    }

    [Test]
    public async Task Upload_NameChanged_ClaimsUnconfirmedAndGenuineValuesShown()
    {
        var issued = await Host.IssueAsync("Anna Peeters");
        var tampered = (await Host.CredentialJsonAsync(issued)).Replace("Anna Peeters", "Anna Peeters-Smith", StringComparison.Ordinal);
        using var page = await Host.UploadAsync(tampered, "application/json");
        var html = await page.Content.ReadAsStringAsync();
        using var api = await Host.Client.PostAsync("/api/verify", new StringContent(tampered, Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;

        Assert.That(html, Does.Contain("data-verdict=\"NotGenuine\""));
        Assert.That(html, Does.Contain("data-claimed=\"true\"").And.Contain("Claimed by the file, not confirmed"));
        Assert.That(html, Does.Not.Contain(">Issued by<"), "the issuer is named by the file, not stated as a fact");
        Assert.That(html, Does.Contain("What the genuine certificate states").And.Contain("data-difference=\"learner_name\""));
        Assert.That(html, Does.Contain("<td class=\"genuine-value\">Anna Peeters</td><td class=\"file-value\"><del>Anna Peeters-Smith</del></td>"));
        Assert.That(html, Does.Contain($"href=\"/v/{issued.Handle}\""));
        var difference = json["genuine_differences"]!.AsArray().Single()!;
        Assert.That((string?)difference["field"], Is.EqualTo("learner_name"));
        Assert.That((string?)difference["file"], Is.EqualTo("Anna Peeters-Smith"));
        Assert.That((string?)difference["genuine"], Is.EqualTo("Anna Peeters"));
    }

    [Test]
    public async Task Upload_AnotherIssuersCredential_NeverSaysIssuedByAsFact()
    {
        using var page = await Host.UploadAsync(PageHost.OtherIssuersCredential(), "application/json");
        var html = await page.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("data-verdict=\"UnknownIssuer\""));
        Assert.That(html, Does.Not.Contain(">Issued by<"));
        Assert.That(html, Does.Contain("The file names as issuer").And.Contain("Claimed by the file, not confirmed"));
        Assert.That(html, Does.Not.Contain("data-demo=\"true\" class=\"verdict"), "no demo mark for a credential we did not sign");
    }

    [Test]
    public async Task Upload_ExpiredReSignedByIssuer_SaysExpired()
    {
        var issued = await Host.IssueAsync("Jonas Smet");
        using var page = await Host.UploadAsync(await Host.ExpiredCredentialAsync(issued), "application/json");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("data-verdict=\"Expired\""));
    }

    [Test]
    public async Task Page_Revoked_SaysWhenAndWhomToAsk()
    {
        var issued = await Host.IssueAsync("Tom Janssens");
        await Host.ChangeStatusAsync(issued, "revoke", "Revoked");
        var html = await Host.PageAsync($"/v/{issued.Handle}?lang=nl");

        Assert.That(html, Does.Match("data-field=\"revoked_on\">Ingetrokken op \\d{1,2} \\w+ \\d{4}\\."));
        Assert.That(html, Does.Contain("data-field=\"ask\">").And.Contain("mailto:microcredentials@nova-academy.be"));
    }

    [TestCase("abcd-efgh-jkmu", "The letter U never occurs", TestName = "NotFound_CodeWithU_KeepsCodeAndSaysUIsNoCodeLetter")]
    [TestCase("abcd-efgh-jk", "this one has 10", TestName = "NotFound_ShortCode_KeepsCodeAndSaysLength")]
    [TestCase("abcd efgh jkmo", "We read it as ABCD-EFGH-JKM0", TestName = "NotFound_WellFormedUnknownCode_SaysHowItWasRead")]
    public async Task NotFound_TypedCode_StaysInFieldWithHint(string typed, string hint)
    {
        using var response = await Host.GetPageAsync("/v?code=" + Uri.EscapeDataString(typed));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain($"value=\"{typed}\""));
        Assert.That(html, Does.Contain(hint));
        Assert.That(html, Does.Contain("aria-describedby=\"code-hint\""));
    }

    [Test]
    public async Task Upload_TooLargeFromBrowser_IsPageInLanguageWithForm()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[(5 * 1024 * 1024) + 1]), "file", "big.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v?lang=nl") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await Host.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("groter dan 5 MB").And.Contain("<form"));
    }

    [Test]
    public async Task DownloadLink_Unknown_BrowserGetsPageSoftwareGetsProblem()
    {
        using var page = await Host.GetPageAsync("/d/unknown-token-123?lang=fr");
        using var api = await Host.Client.GetAsync("/d/unknown-token-123");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Ce lien de téléchargement est inconnu"));
        Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task DownloadPage_Valid_HeadedWithTitleAndNameWithPlainFileNamesAndLinkedInFromAwardDate()
    {
        var issued = await Host.IssueAsync("Zoë Müller-Brontë", awarded: "2026-02-06");
        var html = await Host.PageAsync(issued.DownloadPath + "?lang=en");
        using var pdf = await Host.Client.GetAsync(issued.DownloadPath + "/certificate-nl.pdf");

        Assert.That(html, Does.Contain("<h1>Data Science for Healthcare</h1>"));
        Assert.That(html, Does.Contain("Awarded to Zoë Müller-Brontë by Nova Academy"));
        Assert.That(html, Does.Contain("download=\"data-science-for-healthcare-zoe-muller-bronte-nl.pdf\""));
        Assert.That(pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("data-science-for-healthcare-zoe-muller-bronte-nl.pdf"));
        Assert.That(html, Does.Contain("issueYear=2026&amp;issueMonth=2&amp;"));
        Assert.That(html, Does.Contain("data-copy=\"verify-url\"").And.Contain("data-copy=\"li-name\""));
        Assert.That(html, Does.Contain("data-linkedin=\"offered\""));
    }

    [TestCase("revoke", "Revoked", TestName = "DownloadPage_Revoked_SaysSoWithoutLinkedIn")]
    [TestCase("suspend", "Suspended", TestName = "DownloadPage_Suspended_SaysSoWithoutLinkedIn")]
    public async Task DownloadPage_NotInForce_SaysSoWithoutLinkedIn(string action, string verdict)
    {
        var issued = await Host.IssueAsync("Mila Goossens");
        await Host.ChangeStatusAsync(issued, action, verdict);
        var html = await Host.PageAsync(issued.DownloadPath + "?lang=en");

        Assert.That(html, Does.Contain($"data-status=\"{verdict}\""));
        Assert.That(html, Does.Contain("data-linkedin=\"withheld\"").And.Not.Contain("linkedin.com/profile/add"));
    }

    [Test]
    public async Task Head_EveryPublicPage_Answers200()
    {
        var issued = await Host.IssueAsync("Wout Peeters");
        foreach (var path in new[] { "/v/" + issued.Handle, "/v", issued.DownloadPath, issued.DownloadPath + "/badge.png", issued.DownloadPath + "/preview-en.png", PathOfStylesheet(await Host.PageAsync("/v")) })
        {
            using var response = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [Test]
    public async Task Pages_ContentSecurityPolicy_NoInlineStyleOrScript()
    {
        var issued = await Host.IssueAsync("Ella Hermans");
        using var response = await Host.GetPageAsync("/v/" + issued.Handle);
        var html = await response.Content.ReadAsStringAsync();
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));

        Assert.That(csp, Does.Not.Contain("unsafe-inline"));
        Assert.That(html, Does.Not.Contain(" style=").And.Not.Contain("<style"));
        Assert.That(InlineScript().IsMatch(html), Is.False);
        using var css = await Host.Client.GetAsync(PathOfStylesheet(html));
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(await css.Content.ReadAsStringAsync(), Does.Contain("@media print"));
    }

    private static string PathOfStylesheet(string html) => Stylesheet().Match(html).Groups[1].Value;

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
