using System.Net;
using System.Net.Http.Json;

namespace MicroCredentials.Host.Tests;

/// <summary>Issue 13 point 1: a name the certificate fonts cannot draw is refused with the row's reason, never issued with boxes; one they draw is issued and verifies.</summary>
public sealed partial class StaffApiTests
{
    [TestCase("ସୁଭଶ୍ରୀ ମହାନ୍ତି", "Odia script")]
    [TestCase("مُحَمَّدۖ", "Arabic script")]
    [TestCase("An 🎓 Peeters", "an emoji or pictograph")]
    public async Task Issue_NameTheCertificateCannotPrint_400NamesTheScript(string name, string script)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "14", start = "2025-09-22" })));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((string?)problem["errors"]!["name"]![0], Does.Contain(script).And.Contain("empty box"));
    }

    [TestCase("Νικόλαος Παπαδόπουλος", TestName = "Issue_GreekName_IssuedAndItsPdfVerifies")]
    [TestCase("王小明", TestName = "Issue_ChineseName_IssuedAndItsPdfVerifies")]
    [TestCase("محمد عبد الله", TestName = "Issue_ArabicName_IssuedAndItsPdfVerifies")]
    [TestCase("مُحَمَّد عَلِيّ", TestName = "Issue_ArabicNameWithHarakat_IssuedAndItsPdfVerifies")]
    [TestCase("अनुष्का शर्मा", TestName = "Issue_DevanagariName_IssuedAndItsPdfVerifies")]
    public async Task Issue_NameInAScriptTheCertificateDraws_IssuedAndItsPdfVerifies(string name)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "14", start = "2025-09-22" })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        using var pdf = await Client.GetAsync(new Uri((string)json["downloadUrl"]!).AbsolutePath + "/certificate-en.pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var verify = await Client.PostAsync("/api/verify", new ByteArrayContent(await pdf.Content.ReadAsByteArrayAsync())
        {
            Headers = { ContentType = new("application/pdf") },
        });
        var report = await JsonAsync(verify, HttpStatusCode.OK);
        Assert.That((string?)report["verdict"], Is.EqualTo("valid"), report.ToJsonString());
        Assert.That((string?)report["credential"]?["learnerName"], Is.EqualTo(name));
    }
}
