using System.Text.Json.Nodes;
using MicroCredentials.Baking;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Pdf;
using UglyToad.PdfPig;

namespace MicroCredentials.Host.Tests.Identity;

/// <summary>
/// Whatever the public demo keys sign is marked DEMO wherever a person or a program sees it (issue 11, point 3): the
/// PDF pages, the badge image, the API answers. The host under test signs with keys.example/.
/// </summary>
public sealed class DemoMarkTests
{
    private HostFactory? factory;
    private StaffClient? staff;
    private StaffClient.Issued? issued;

    private StaffClient Staff => staff!;

    [OneTimeSetUp]
    public async Task Issue()
    {
        factory = await HostFactory.CreateAsync("Sqlite");
        staff = new StaffClient(factory.Client(), await factory.CreateApiKeyAsync(ApiKeyRole.Administrator));
        issued = await Staff.IssueAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        staff?.Http.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [TestCase("certificate-en.pdf")]
    [TestCase("certificate-nl.pdf")]
    public async Task Pdf_SignedWithDemoKeys_EveryPageCarriesTheDemoMark(string file)
    {
        var bytes = await Staff.DownloadAsync(issued!, file);

        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.NumberOfPages, Is.EqualTo(2));
        foreach (var page in pdf.GetPages())
        {
            Assert.That(page.Text, Does.Contain("DEMO"), $"page {page.Number}");
            Assert.That(string.Join(" ", page.GetWords().Select(w => w.Text)), Does.Contain("DEMO — not a valid certificate"), $"page {page.Number}");
        }
    }

    [Test]
    public async Task Pdf_SignedWithDemoKeys_StillVerifiesAsValidButNotVerified()
    {
        var json = await Staff.VerifyAsync(await Staff.DownloadAsync(issued!, "certificate-en.pdf"), "application/pdf");

        // The printed-text check still passes with the mark on the page.
        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        Assert.That((bool?)json["demo"], Is.True);
        Assert.That((bool?)json["verified"], Is.False);
    }

    [Test]
    public async Task Badge_SignedWithDemoKeys_HasTheRedDemoBand()
    {
        var demo = await Staff.DownloadAsync(issued!, "badge.png");

        // The badge names the micro-credential (Components/Images/BadgeImage): its seal's red band crosses (190, 238).
        using var pixels = SkiaSharp.SKBitmap.Decode(demo);
        using var plain = SkiaSharp.SKBitmap.Decode(MicroCredentials.Host.Components.Images.BadgeImage.Png("Title", "Institution", demo: false));
        var red = pixels.GetPixel(190, 238);
        var none = plain.GetPixel(190, 238);
        Assert.That((red.Red, red.Green, red.Blue), Is.EqualTo(DefaultBadge.DemoRed));
        Assert.That((none.Red, none.Green, none.Blue), Is.Not.EqualTo(DefaultBadge.DemoRed));
    }

    [Test]
    public async Task VerifyApi_DemoSignedJson_SaysDemoAndWhy()
    {
        var json = await Staff.VerifyAsync(await Staff.DownloadAsync(issued!, "credential.json"), "application/json");

        Assert.That((bool?)json["demo"], Is.True);
        Assert.That((bool?)json["verified"], Is.False);
        var demoCheck = json["checks"]!.AsArray().FirstOrDefault(c => (string?)c!["reason"] == "demo_key");
        Assert.That(demoCheck, Is.Not.Null, json.ToJsonString());
        Assert.That((string?)demoCheck!["status"], Is.EqualTo("warning"));
        Assert.That((string?)demoCheck["detail"], Does.Contain("proves nothing"));
    }

    [Test]
    public void IssuanceAnswer_DemoHost_SaysDemo() =>
        Assert.That((bool?)issued!.Answer["demo"], Is.True, issued.Answer.ToJsonString());

    [Test]
    public async Task IssuerProfile_DemoHost_SaysDemo()
    {
        var profile = JsonNode.Parse(await Staff.Http.GetStringAsync("/issuer"))!;

        Assert.That((bool?)profile["demo"], Is.True);
    }
}
