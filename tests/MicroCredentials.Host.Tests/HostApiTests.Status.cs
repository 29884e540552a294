using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Status;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    [Test]
    public async Task Revoke_Administrator_PageAndApiSayRevokedWithinOneSecond()
    {
        var issued = await IssueAsync();
        var json = await DownloadAsync(issued, "credential.json");
        Assert.That(Verdict(await PageAsync(issued.Handle, "en")), Is.EqualTo("Valid"));

        await ChangeStatusAsync(issued, "revoke", "fraud");
        var elapsed = await UntilPageSaysAsync(issued.Handle, "Revoked");
        var api = await VerifyAsync(json, "application/json");

        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That((string?)api["verdict"], Is.EqualTo("revoked"));
    }

    [Test]
    public async Task Revoke_Twice_SecondIsUnchangedAndSuspendIs409()
    {
        var issued = await IssueAsync();
        await ChangeStatusAsync(issued, "revoke", "first");
        using var again = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/revoke", content: JsonContent.Create(new { reason = "again" })));
        using var suspend = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/suspend", content: JsonContent.Create(new { reason = "late" })));

        Assert.That((string?)(await JsonAsync(again, HttpStatusCode.OK))["outcome"], Is.EqualTo("unchanged"));
        Assert.That(suspend.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(suspend.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Revoke_WithoutReason_Returns400()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/revoke", content: JsonContent.Create(new { reason = "" })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task SuspendThenUnsuspend_PageGoesSuspendedThenValid()
    {
        var issued = await IssueAsync();
        var jwt = await DownloadAsync(issued, "credential.jwt");

        await ChangeStatusAsync(issued, "suspend", "under investigation");
        Assert.That(await UntilPageSaysAsync(issued.Handle, "Suspended"), Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That((string?)(await VerifyAsync(jwt, "text/plain"))["verdict"], Is.EqualTo("suspended"));

        await ChangeStatusAsync(issued, "unsuspend", "cleared");
        Assert.That(await UntilPageSaysAsync(issued.Handle, "Valid"), Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That((string?)(await VerifyAsync(jwt, "text/plain"))["verdict"], Is.EqualTo("valid"));
    }

    [Test]
    public async Task Reissue_CorrectedName_OldPageSaysSupersededAndLinksToNew()
    {
        var issued = await IssueAsync(UniqueName("Jonh"));
        var corrected = UniqueName("John");
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue",
            content: JsonContent.Create(new { email = issued.Email, name = corrected })));
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var newUrl = (string)json["verificationUrl"]!;
        var newHandle = newUrl[(newUrl.LastIndexOf('/') + 1)..];

        await UntilPageSaysAsync(issued.Handle, "Superseded");
        var oldPage = await PageAsync(issued.Handle, "en");
        var newPage = await PageAsync(newHandle, "en");

        Assert.That(newHandle, Is.Not.EqualTo(issued.Handle));
        Assert.That(oldPage, Does.Contain($"href=\"/v/{newHandle}\""));
        Assert.That(Verdict(newPage), Is.EqualTo("Valid"));
        Assert.That(newPage, Does.Contain(corrected));
    }

    [Test]
    public async Task StatusList_AfterRevoke_HasRevokedBitEtagAndCaching()
    {
        var issued = await IssueAsync();
        var credential = JsonNode.Parse(await DownloadAsync(issued, "credential.json"))!;
        var status = credential["credentialStatus"]!;
        var entry = (status is JsonArray entries ? entries.ToList() : [status]).First(e => (string?)e!["statusPurpose"] == "revocation")!;
        var listUrl = new Uri((string)entry["statusListCredential"]!);
        var index = int.Parse((string)entry["statusListIndex"]!, CultureInfo.InvariantCulture);
        await ChangeStatusAsync(issued, "revoke", "test");

        using var response = await Client.GetAsync(listUrl.AbsolutePath);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var decoded = Bitstring.Decode((string)list["credentialSubject"]!["encodedList"]!);
        var etag = response.Headers.ETag;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(list["type"]!.AsArray().Select(t => (string?)t), Does.Contain("BitstringStatusListCredential"));
        Assert.That((string?)list["credentialSubject"]!["statusPurpose"], Is.EqualTo("revocation"));
        Assert.That(list["proof"], Is.Not.Null);
        Assert.That(decoded.Succeeded, Is.True, decoded.Detail);
        Assert.That(decoded.Bitstring!.Get(index), Is.True);
        Assert.That(etag, Is.Not.Null);
        Assert.That(response.Headers.CacheControl?.MaxAge, Is.GreaterThan(TimeSpan.Zero));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, listUrl.AbsolutePath);
        conditional.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await Client.SendAsync(conditional);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    private async Task ChangeStatusAsync(Issued issued, string action, string reason)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/{action}", content: JsonContent.Create(new { reason })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reloads the page until it shows <paramref name="verdict"/>; returns how long that took (fails after 3 s).</summary>
    private async Task<TimeSpan> UntilPageSaysAsync(string handle, string verdict)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = Verdict(await PageAsync(handle, "en"));
            if (seen == verdict)
            {
                return clock.Elapsed;
            }

            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), $"the page still says {seen}, not {verdict}");
            await Task.Delay(50);
        }
    }
}
