using System.Net;
using System.Net.Http.Json;

namespace MicroCredentials.Host.Tests;

/// <summary>Issue 13 point 1 (partial): a name the certificate fonts cannot draw is refused with the row's reason, never issued with boxes.</summary>
public sealed partial class StaffApiTests
{
    [TestCase("王小明", "Chinese, Japanese or Korean (CJK) script")]
    [TestCase("محمد عبد الله", "Arabic script")]
    [TestCase("נועה כהן", "Hebrew script")]
    [TestCase("अनन्या शर्मा", "Devanagari script")]
    [TestCase("สมชาย ใจดี", "Thai script")]
    [TestCase("김민준", "Korean (Hangul) script")]
    [TestCase("An 🎓 Peeters", "an emoji or pictograph")]
    public async Task Issue_NameTheCertificateCannotPrint_400NamesTheScript(string name, string script)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "14", start = "2025-09-22" })));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((string?)problem["errors"]!["name"]![0], Does.Contain(script).And.Contain("empty box"));
    }

    [Test]
    public async Task Issue_GreekName_IssuedAndItsPdfVerifies()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name = "Νικόλαος Παπαδόπουλος", code = "MC-DSH", awarded = "2026-02-06", grade = "14", start = "2025-09-22" })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        using var pdf = await Client.GetAsync(new Uri((string)json["downloadUrl"]!).AbsolutePath + "/certificate-en.pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var verify = await Client.PostAsync("/api/verify", new ByteArrayContent(await pdf.Content.ReadAsByteArrayAsync())
        {
            Headers = { ContentType = new("application/pdf") },
        });
        var report = await JsonAsync(verify, HttpStatusCode.OK);
        Assert.That((string?)report["verdict"], Is.EqualTo("valid"), report.ToJsonString());
        Assert.That((string?)report["credential"]?["learnerName"], Is.EqualTo("Νικόλαος Παπαδόπουλος"));
    }
}
