using System.Net;
using System.Net.Http.Json;

namespace MicroCredentials.Host.Tests;

/// <summary>Revoke, suspend, unsuspend and re-issue: each optional field left out.</summary>
public sealed partial class StaffApiTests
{
    [TestCase("revoke", TestName = "Revoke without a reason")]
    [TestCase("suspend", TestName = "Suspend without a reason")]
    public async Task ReasonRequired_EmptyObject_400NamesTheReason(string action)
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/{action}", Json("{}")));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["reason"], Is.Not.Null);
        Assert.That((string?)(await GetCredentialAsync(issued.Id))["state"], Is.EqualTo("active"));
    }

    [TestCase("{}", TestName = "Unsuspend with {}")]
    [TestCase("{\"reason\":null}", TestName = "Unsuspend with a null reason")]
    [TestCase("{\"reason\":\"  \"}", TestName = "Unsuspend with a blank reason")]
    [TestCase("{\"reason\":\"cleared\"}", TestName = "Unsuspend with a reason")]
    public async Task Unsuspend_ReasonOptional_LiftsTheSuspension(string body)
    {
        var issued = await IssueAsync();
        using (var suspend = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/suspend", Json("{\"reason\":\"inquiry\"}"))))
        {
            await JsonAsync(suspend, HttpStatusCode.OK);
        }

        Assert.That((string?)(await GetCredentialAsync(issued.Id))["state"], Is.EqualTo("suspended"));

        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/unsuspend", Json(body)));

        var json = await JsonAsync(response, HttpStatusCode.OK);
        Assert.That((string?)json["outcome"], Is.EqualTo("changed"));
        Assert.That((string?)(await GetCredentialAsync(issued.Id))["state"], Is.EqualTo("active"));
    }

    [Test]
    public async Task Reissue_OnlyEmail_KeepsNameAndGrade()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue", JsonContent.Create(new { email = issued.Email })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        var detail = await GetCredentialAsync((string)json["id"]!);
        var subject = detail["credential"]!["credentialSubject"]!;
        Assert.That((string?)json["name"], Is.EqualTo(issued.Name));
        Assert.That((string?)subject["result"]![0]!["value"], Is.EqualTo("15"));
    }

    [Test]
    public async Task Reissue_NameOnly_KeepsGrade()
    {
        var issued = await IssueAsync();
        var name = UniqueName("Anna");
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue", JsonContent.Create(new { email = issued.Email, name })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        Assert.That((string?)json["name"], Is.EqualTo(name));
        Assert.That((string?)(await GetCredentialAsync((string)json["id"]!))["credential"]!["credentialSubject"]!["result"]![0]!["value"], Is.EqualTo("15"));
    }

    [Test]
    public async Task Reissue_GradeOnly_KeepsName()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue", JsonContent.Create(new { email = issued.Email, grade = "17" })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        Assert.That((string?)json["name"], Is.EqualTo(issued.Name));
    }

    [Test]
    public async Task Reissue_PassFailCredential_NoGradeAnywhere()
    {
        var issued = await IssueAsync("MC-CBE", grade: null);
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue", JsonContent.Create(new { email = issued.Email, name = UniqueName("Jan") })));

        await JsonAsync(response, HttpStatusCode.Created);
    }

    [Test]
    public async Task Reissue_EmptyObject_400NamesTheEmail()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue", Json("{}")));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["email"], Is.Not.Null);
    }

    [Test]
    public async Task Reissue_DifferentEmailWithoutCorrection_409AndOldStaysActive()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue",
            JsonContent.Create(new { email = "someone.else@example.be", name = UniqueName("Mallory") })));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That((string?)problem["detail"], Does.Contain("differs from the one this credential was issued to"));
        Assert.That((string?)(await GetCredentialAsync(issued.Id))["state"], Is.EqualTo("active"));
    }

    [Test]
    public async Task Reissue_EmailCorrectionWithoutReason_400NamesTheReason()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue",
            JsonContent.Create(new { email = "an.corrected@example.be", emailCorrection = true })));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["reason"], Is.Not.Null);
    }

    [Test]
    public async Task Reissue_EmailCorrection_SupersedesAndTheOriginalRowSaysAlreadyIssued()
    {
        var issued = await IssueAsync();
        var corrected = $"{Guid.NewGuid():N}@example.com";
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Id}/reissue",
            JsonContent.Create(new { email = corrected, emailCorrection = true, reason = "typo in the student administration" })));
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var newId = (string)json["id"]!;

        using var rerun = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", JsonContent.Create(new
        {
            email = issued.Email, name = issued.Name, code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23",
        })));
        var again = await JsonAsync(rerun, HttpStatusCode.OK);

        Assert.That((string?)(await GetCredentialAsync(issued.Id))["state"], Is.EqualTo("superseded"));
        Assert.That(((string?)again["outcome"], (string?)again["id"]), Is.EqualTo(("AlreadyIssued", newId)));
    }
}
