using System.Buffers.Binary;
using System.IO.Compression;
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

        var pixels = DecodeRgba(demo);
        var plain = DecodeRgba(DefaultBadge.Png(demo: false));
        var middle = (DefaultBadge.DemoBandTop + 2) * 256 * 4 + 40 * 4;
        Assert.That((pixels[middle], pixels[middle + 1], pixels[middle + 2]), Is.EqualTo(DefaultBadge.DemoRed));
        Assert.That((plain[middle], plain[middle + 1], plain[middle + 2]), Is.Not.EqualTo(DefaultBadge.DemoRed));
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

    // Our own PNG: IHDR, one IDAT (zlib, filter byte 0 per row), IEND; the baker adds an iTXt chunk only.
    private static byte[] DecodeRgba(byte[] png)
    {
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        var rgba = new byte[256 * 256 * 4];
        for (var y = 0; y < 256; y++)
        {
            Array.Copy(rows, y * (1 + 256 * 4) + 1, rgba, y * 256 * 4, 256 * 4);
        }

        return rgba;
    }
}
