using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    [TestCase("nl", TitleNl, "Echt en geldig", "Studiepunten (ECTS)", "EQF-niveau")]
    [TestCase("en", Title, "Genuine and valid", "Credits (ECTS)", "EQF level")]
    public async Task Page_FreshCredential_ShowsFactsAndValidVerdictInLanguageWithoutEmail(string lang, string title, string verdict, string ects, string eqf)
    {
        var issued = await IssueAsync();
        var html = await PageAsync(issued.Handle, lang);

        Assert.That(Verdict(html), Is.EqualTo("Valid"));
        Assert.That(html, Does.Contain($"<html lang=\"{lang}\""));
        Assert.That(html, Does.Contain(verdict));
        Assert.That(html, Does.Contain($"<dd data-field=\"learner\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(issued.Name)}</dd>"));
        Assert.That(html, Does.Contain($"<dd data-field=\"title\">{title}</dd>"));
        Assert.That(html, Does.Contain(ects).And.Contain("<dd data-field=\"ects\">6</dd>"));
        Assert.That(html, Does.Contain(eqf).And.Contain("<dd data-field=\"eqf\">7</dd>"));
        Assert.That(html, Does.Not.Contain(issued.Email).And.Not.Contain(issued.Email.Split('@')[0]));
    }

    [Test]
    public async Task Page_LangQuery_OverridesAcceptLanguage()
    {
        var issued = await IssueAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v/{issued.Handle}?lang=en");
        request.Headers.AcceptLanguage.ParseAdd("nl");
        using var response = await Client.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Genuine and valid"));
    }

    [Test]
    public async Task ShortCode_Typed_RedirectsToPage()
    {
        var issued = await IssueAsync();
        using var response = await Client.GetAsync($"/v?code={issued.ShortCode.ToLowerInvariant()}&lang=en");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith($"/v/{issued.Handle}"));
    }

    [TestCase("credential.json", "application/json")]
    [TestCase("credential.jwt", "text/plain")]
    [TestCase("certificate-nl.pdf", "application/pdf")]
    [TestCase("certificate-en.pdf", "application/pdf")]
    [TestCase("badge.png", "image/png")]
    public async Task VerifyApi_DownloadedForm_IsValid(string file, string mediaType)
    {
        var issued = await IssueAsync();
        var bytes = await DownloadAsync(issued, file);
        var json = await VerifyAsync(bytes, mediaType);

        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        // Signed with the public demo keys: the verdict stays valid, but "verified" is honest about what that proves.
        Assert.That((bool?)json["verified"], Is.False);
        Assert.That((bool?)json["demo"], Is.True);
        Assert.That((string?)json["credential"]?["learnerName"], Is.EqualTo(issued.Name));
    }

    [Test]
    public async Task VerifyApi_MultipartUpload_IsValid()
    {
        var issued = await IssueAsync();
        var bytes = await DownloadAsync(issued, "certificate-en.pdf");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "certificate.pdf");
        using var response = await Client.PostAsync("/api/verify", form);
        var json = await JsonAsync(response, HttpStatusCode.OK);
        Assert.That((string?)json["verdict"], Is.EqualTo("valid"));
    }

    [Test]
    public async Task VerifyApi_ChunkedUploadWithoutLength_IsReadWhole()
    {
        // No Content-Length: the body is read in growing steps; a PDF is many times the first step.
        var issued = await IssueAsync();
        var bytes = await DownloadAsync(issued, "certificate-en.pdf");
        using var content = new StreamContent(new MemoryStream(bytes), 4096);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Client.SendAsync(request);
        var json = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(bytes, Has.Length.GreaterThan(64 * 1024));
        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
    }

    [Test]
    public async Task VerifyApi_NameChanged_IsNotGenuineWithProofFailed()
    {
        var issued = await IssueAsync();
        var credential = JsonNode.Parse(await DownloadAsync(issued, "credential.json"))!.AsObject();
        var name = credential["credentialSubject"]!["identifier"]!.AsArray().First(i => (string?)i!["identityType"] == "name")!;
        name["identityHash"] = "Mallory Impostor";
        var json = await VerifyAsync(Encoding.UTF8.GetBytes(credential.ToJsonString()), "application/json");

        Assert.That((string?)json["verdict"], Is.EqualTo("not_genuine"));
        Assert.That((bool?)json["verified"], Is.False);
        var proof = json["checks"]!.AsArray().Single(c => (string?)c!["id"] == "proof")!;
        Assert.That((string?)proof["status"], Is.EqualTo("fail"));
    }

    [Test]
    public async Task UploadPage_TamperedJson_RendersNotGenuinePage()
    {
        var issued = await IssueAsync();
        var text = Encoding.UTF8.GetString(await DownloadAsync(issued, "credential.json")).Replace(issued.Name, "Mallory Impostor", StringComparison.Ordinal);
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8, "application/json"), "file", "credential.json" } };
        using var response = await Client.PostAsync("/v?lang=en", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Verdict(html), Is.EqualTo("NotGenuine"));
        Assert.That(html, Does.Contain("Not genuine"));
    }

    [Test]
    public async Task UploadPage_AnotherIssuersPublishedSample_SaysNotIssuedHereRatherThanForged()
    {
        // 1EdTech's own signed sample credential, issued by "Example Corp": genuine for all we know, but not ours.
        var text = await System.IO.File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "..", "shared", "standards", "ob3", "samples",
            "validator-simple-eddsa-rdfc-2022.json"));
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8, "application/json"), "file", "credential.json" } };
        using var page = await Client.PostAsync("/v?lang=en", form);
        var html = await page.Content.ReadAsStringAsync();
        var json = await VerifyAsync(Encoding.UTF8.GetBytes(text), "application/json");

        Assert.That(Verdict(html), Is.EqualTo("UnknownIssuer"));
        Assert.That(html, Does.Contain("Not issued by this institution").And.Not.Contain("Not genuine"));
        Assert.That((string?)json["verdict"], Is.EqualTo("unknown_issuer"), json.ToJsonString());
        Assert.That((bool?)json["verified"], Is.False);
    }

    [Test]
    public async Task DownloadPage_Token_ListsEveryDownloadAndVerificationLink()
    {
        var issued = await IssueAsync();
        using var response = await Client.GetAsync(issued.DownloadPath + "?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var file in new[] { "certificate-nl.pdf", "certificate-en.pdf", "credential.json", "credential.jwt", "badge.png" })
        {
            Assert.That(html, Does.Contain($"{issued.DownloadPath}/{file}"));
        }

        Assert.That(html, Does.Contain(issued.VerificationUrl).And.Contain("linkedin.com/profile/add"));
        Assert.That(html, Does.Not.Contain(issued.Email));
    }
}
