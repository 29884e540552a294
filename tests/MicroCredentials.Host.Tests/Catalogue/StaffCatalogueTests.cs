using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Host.Catalogue;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Catalogue;

/// <summary>
/// The catalogue in the database through real HTTP on SQLite and PostgreSQL: the first-start import of the sample file,
/// create and edit (a new version; an issued version never changes), the live check's messages in three languages,
/// the PDF preview, import and export, the institution logo (bounds, ETag, shown on the verification page), roles and CSRF.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class StaffCatalogueTests(string provider) : StaffFixture(provider)
{
    private CatalogueState State => Factory.Services.GetRequiredService<CatalogueState>();

    [Test]
    public async Task FirstStart_ImportsTheSampleFile_AndTheExportIsTheSameCatalogue()
    {
        var stored = await Store.LoadCatalogueAsync(CancellationToken.None);
        Assert.That(stored, Is.Not.Null, "the host imported Issuer:CatalogPath into the empty database");
        var issuer = await SignInAsync(StaffRole.Issuer);
        using var list = await issuer.GetAsync("/staff/catalogue?lang=en");
        var html = await list.Content.ReadAsStringAsync();
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-entry=\"MC-AIR\"").And.Contain("data-view-only=\"true\"").And.Not.Contain("data-form=\"import\""));

        var fresh = await SignInAsync(StaffRole.Administrator);
        using var export = await fresh.GetAsync("/staff/catalogue/export");
        Assert.That(export.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("catalog.json"));
        var exported = CatalogLoader.Load(await export.Content.ReadAsStringAsync());
        Assert.That(exported.Errors, Is.Empty);
        Assert.That(CatalogWriter.ToJson(exported.Catalog!), Is.EqualTo(CatalogWriter.ToJson(State.Current)));
        Assert.That(exported.Catalog!.MicroCredentials.Select(m => m.Code), Is.SupersetOf(CatalogueForms.Sample().MicroCredentials.Select(m => m.Code)));
    }

    [TestCase("en", "learning outcomes in 'en' are missing or empty (EU Annex I element 6).")]
    [TestCase("nl", "de leerresultaten in 'en' ontbreken of zijn leeg (EU-bijlage I, element 6).")]
    [TestCase("fr", "les acquis d'apprentissage en « en » manquent ou sont vides (annexe I de l'UE, élément 6).")]
    public async Task LiveCheck_GivesTheCatalogCheckMessage_AtItsField_InThePageLanguage(string lang, string expected)
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var entry = CatalogueForms.NewEntry("MC-LIVE-" + lang) with
        {
            LearningOutcomes = new Dictionary<string, IReadOnlyList<string>> { ["nl"] = ["De student doet iets."] },
        };
        var fields = CatalogueForms.EntryFields(entry, 0);
        fields.Add(new("lang", lang));
        using var response = await admin.PostFormAsync($"/staff/catalogue/check?lang={lang}", fields, tokenFrom: "/staff/catalogue/new");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var errors = json["errors"]!.AsArray();
        Assert.That(errors.Select(e => ((string?)e!["field"], (string)e["message"]!)), Is.EqualTo(new[] { ((string?)"learningOutcomes.en", expected) }));
        if (lang == "en")
        {
            // The same sentence 'microcred catalog check' prints for this entry.
            var check = CatalogLoader.Validate(new MicroCredentialCatalog { Issuer = State.Current.Issuer, MicroCredentials = [entry] });
            Assert.That(check.Single().Message, Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task Create_WithAMissingElement_IsRefusedWithTheMessage_ThenSaved_AndIssuable()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var entry = CatalogueForms.NewEntry("MC-NEW-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        var missing = CatalogueForms.EntryFields(entry with { QualityAssurance = new Dictionary<string, string> { ["nl"] = "NVAO" } }, 0);
        using var refused = await admin.PostFormAsync("/staff/catalogue/entries?lang=en", missing, tokenFrom: "/staff/catalogue/new");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("data-error-for=\"qualityAssurance.en\" aria-live=\"polite\">the type of quality assurance (EU Annex I element 11) in &#x27;en&#x27; is missing."));
        Assert.That(State.Current.Find(entry.Code), Is.Null);

        using var saved = await admin.PostFormAsync("/staff/catalogue/entries", CatalogueForms.EntryFields(entry, 0), tokenFrom: "/staff/catalogue/new");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo("/staff/catalogue?done=saved"));
        Assert.That(State.Current.Find(entry.Code)?.Title?["fr"], Is.EqualTo("Qualité des données cliniques"));

        // The issuance API reads the catalogue in force: the new code issues at once.
        var issued = await IssueAsync(entry.Code);
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.CatalogueSave, Actor = admin.DisplayName }, 0, 5, CancellationToken.None);
        Assert.That(audit.Select(a => a.Detail), Has.Some.Contains($"{entry.Code} version 2025-2026: revision 1 (created)"));

        using var again = await admin.PostFormAsync("/staff/catalogue/entries", CatalogueForms.EntryFields(entry, 0), tokenFrom: "/staff/catalogue/new");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a second entry with the same code");
    }

    [Test]
    public async Task Edit_AfterIssuing_NeedsANewVersionLabel_AndTheOldCredentialKeepsItsVersion()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var entry = CatalogueForms.NewEntry("MC-EDIT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        using (var created = await admin.PostFormAsync("/staff/catalogue/entries", CatalogueForms.EntryFields(entry, 0), tokenFrom: "/staff/catalogue/new"))
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var first = await IssueAsync(entry.Code);
        var credential = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var changed = entry with { Ects = 5 };
        using var refused = await admin.PostFormAsync("/staff/catalogue/entries?lang=nl", CatalogueForms.EntryFields(changed, 1), tokenFrom: $"/staff/catalogue/entries/{entry.Code}");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("een uitgereikte versie verandert nooit"));

        using var saved = await admin.PostFormAsync("/staff/catalogue/entries", CatalogueForms.EntryFields(changed with { Version = "2026-2027" }, 1),
            tokenFrom: $"/staff/catalogue/entries/{entry.Code}");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        using var page = await admin.GetAsync($"/staff/catalogue/entries/{entry.Code}?lang=en");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-revision=\"2\"").And.Contain("data-revision=\"1\"").And.Contain("yes (never changes)"));

        var stored = await Store.FindByIdAsync((string)credential["id"]!, CancellationToken.None);
        Assert.That(stored!.CatalogueVersion, Is.EqualTo("2025-2026"), "the credential keeps the version it was issued with");
        Assert.That((await Store.GetCatalogueVersionAsync(entry.Code, "2025-2026", CancellationToken.None))!.Json, Does.Contain("\"Ects\":6").Or.Contain("\"ects\":6"));
        using var second = await IssueAsync(entry.Code);
        Assert.That((string)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!, Is.Not.Null);
        var newest = await Store.FindByIdAsync((string)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!, CancellationToken.None);
        Assert.That(newest!.CatalogueVersion, Is.EqualTo("2026-2027"));
    }

    [Test]
    public async Task Preview_IsAPdfMarkedPreview_InTheChosenLanguage()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var fields = CatalogueForms.EntryFields(CatalogueForms.NewEntry("MC-PREVIEW"), 0);
        fields.Add(new("previewLanguage", "fr"));
        using var response = await admin.PostFormAsync("/staff/catalogue/preview", fields, tokenFrom: "/staff/catalogue/new");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var folder = Directory.CreateTempSubdirectory("catalogue-preview-").FullName;
        var pdf = Path.Combine(folder, "preview.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = await ExternalTools.RunAsync("pdftotext", [pdf, "-"], TimeSpan.FromMinutes(2));
        Assert.That(text, Does.Contain(Pdf.CertificateDocument.PreviewMark).And.Contain("Qualité des données cliniques").And.Contain("Demo Learner"));
        Assert.That(State.Current.Find("MC-PREVIEW"), Is.Null, "a preview stores nothing");
    }

    [Test]
    public async Task Logo_Uploaded_IsServedWithAnETag_AndShownOnTheVerificationPage()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var tooLarge = new byte[HostLimits.MaxLogoBytes + 1];
        CatalogueForms.Logo().CopyTo(tooLarge, 0);
        using (var refused = await PostIssuerAsync(admin, tooLarge, "big.png"))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        }

        using (var notImage = await PostIssuerAsync(admin, "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "logo.svg"))
        {
            Assert.That(notImage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await notImage.Content.ReadAsStringAsync(), Does.Contain("the logo must be a PNG or JPEG image."));
        }

        using (var tooWide = await PostIssuerAsync(admin, CatalogueForms.Logo(CoreLimits.MaxLogoSide + 1, 20), "wide.png"))
        {
            Assert.That(tooWide.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using (var saved = await PostIssuerAsync(admin, CatalogueForms.Logo(format: SkiaSharp.SKEncodedImageFormat.Jpeg), "logo.jpg"))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        }

        Assert.That(State.Logo, Is.Not.Null);
        Assert.That(State.Logo!.MediaType, Is.EqualTo("image/png"), "re-encoded as PNG");
        using var logo = await Client.GetAsync(CatalogueLogoApi.Path);
        Assert.That(logo.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logo.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var etag = logo.Headers.ETag!;
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, CatalogueLogoApi.Path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(revalidate);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var issued = await IssueAsync("MC-DSH");
        var verification = new Uri((string)JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["verificationUrl"]!).AbsolutePath;
        using var page = await Client.GetAsync(verification + "?lang=en");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain($"<img class=\"brand-logo\" src=\"{State.LogoUrl}\" alt=\"Nova Academy – Universiteit Nova\""));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.CatalogueSave, Actor = admin.DisplayName }, 0, 5, CancellationToken.None);
        Assert.That(audit.Select(a => a.Detail), Has.Some.Contains("logo image/png"));

        // Exported with the logo as a data: URI, which imports back unchanged.
        using var export = await admin.GetAsync("/staff/catalogue/export");
        var exported = CatalogLoader.Load(await export.Content.ReadAsStringAsync()).Catalog!;
        Assert.That(exported.Issuer.Logo, Does.StartWith("data:image/png;base64,"));
    }

    [Test]
    public async Task Import_OfAnInvalidFile_ShowsTheCheckMessages_AndChangesNothing()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var stamp = State.Stored.Stamp;
        var bad = CatalogueForms.Sample() with { MicroCredentials = [CatalogueForms.Sample().MicroCredentials[0] with { EqfLevel = 9 }] };
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(CatalogWriter.ToJson(bad)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "catalog.json");
        using var response = await admin.PostMultipartAsync("/staff/catalogue/import?lang=nl", content, "/staff/catalogue");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("MC-DSH: het EQF-niveau moet 1 tot 8 zijn (EU-bijlage I, element 8)."));
        Assert.That(await Store.CatalogueStampAsync(CancellationToken.None), Is.EqualTo(stamp));
    }

    [Test]
    public async Task Changes_AreRefused_ForIssuers_Anonymous_AndForgedPosts()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);
        var fields = CatalogueForms.EntryFields(CatalogueForms.NewEntry("MC-ROLE"), 0);
        using var asIssuer = await issuer.PostFormAsync("/staff/catalogue/entries", fields, tokenFrom: "/staff/catalogue");
        Assert.That(asIssuer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var anonymous = await Client.GetAsync("/staff/catalogue");
        Assert.That((int)anonymous.StatusCode, Is.EqualTo(302).Or.EqualTo(401));
        var admin = await SignInAsync(StaffRole.Administrator);
        using var forged = await admin.PostFormWithTokenAsync("/staff/catalogue/entries", fields, token: null);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var tooLong = await admin.PostFormAsync("/staff/catalogue/check",
            [new("code", "MC-X"), new("description.en", new string('x', HostLimits.CatalogueFieldMaxLength + 1))], tokenFrom: "/staff/catalogue/new");
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "one past the field bound");
        Assert.That(State.Current.Find("MC-ROLE"), Is.Null);
    }

    private async Task<HttpResponseMessage> PostIssuerAsync(StaffSession admin, byte[] logo, string fileName)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in CatalogueForms.IssuerFields(State.Current.Issuer, State.Stored.IssuerRevision))
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(logo);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png");
        content.Add(file, "logo", fileName);
        return await admin.PostMultipartAsync("/staff/catalogue/issuer?lang=en", content, "/staff/catalogue/issuer");
    }

    private async Task<HttpResponseMessage> IssueAsync(string code)
    {
        var key = await Factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials")
        {
            Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name = "Lotte Claes", code, awarded = "2026-02-06", grade = "15" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Client.SendAsync(request);
    }
}
