using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    [Test]
    public async Task IssueOne_NewAward_Returns201WithLinks()
    {
        var name = UniqueName("Marie");
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            content: JsonContent.Create(Award($"{Guid.NewGuid():N}@example.be", name))));
        var json = await JsonAsync(response, HttpStatusCode.Created);

        Assert.That((string?)json["outcome"], Is.EqualTo("Issued"));
        Assert.That((string?)json["name"], Is.EqualTo(name));
        Assert.That((string?)json["verificationUrl"], Does.StartWith("http://localhost/v/"));
        Assert.That((string?)json["downloadUrl"], Does.StartWith("http://localhost/d/"));
        Assert.That(response.Headers.Location, Is.Not.Null);
    }

    [Test]
    public async Task IssueOne_SameAwardTwice_SecondReturns200AlreadyIssuedWithSameId()
    {
        var award = Award($"{Guid.NewGuid():N}@example.be", UniqueName("Jan"));
        using var first = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", content: JsonContent.Create(award)));
        var firstJson = await JsonAsync(first, HttpStatusCode.Created);
        using var second = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", content: JsonContent.Create(award)));
        var secondJson = await JsonAsync(second, HttpStatusCode.OK);

        Assert.That((string?)secondJson["outcome"], Is.EqualTo("AlreadyIssued"));
        Assert.That((string?)secondJson["id"], Is.EqualTo((string?)firstJson["id"]));
    }

    [Test]
    public async Task IssueOne_UnknownCode_Returns400ValidationProblem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            content: JsonContent.Create(Award($"{Guid.NewGuid():N}@example.be", "Els Wouters", code: "MC-XYZ"))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Batch_DryRunWithErrors_ReportsEveryRowAndWritesNothing()
    {
        var csv = await File.ReadAllTextAsync(Infrastructure.RepositoryPaths.File("samples", "learners-with-errors.csv"));
        var before = await CountCredentialsAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches?dryRun=true", content: Utf8(csv, "text/csv")));
        var json = await JsonAsync(response, HttpStatusCode.OK);
        var rows = json["rows"]!.AsArray();

        Assert.That((bool?)json["dryRun"], Is.True);
        Assert.That(rows, Has.Count.EqualTo(7), "every data row of the file is reported");
        Assert.That(rows.Select(r => (int?)r!["line"]), Is.EqualTo(new int?[] { 2, 3, 4, 5, 6, 7, 8 }));
        // Marie is fine; then a bad e-mail, an unknown code, no name, 30 February, a grade above the scale; Ines's
        // micro-credential is pass/fail, so her empty grade is right.
        Assert.That(rows.Select(r => (string?)r!["outcome"]),
            Is.EqualTo(new[] { "WouldIssue", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected", "WouldIssue" }));
        Assert.That(rows.Where(r => (string?)r!["outcome"] == "Rejected").Select(r => (string?)r!["reason"]), Has.All.Not.Null.And.Not.Empty);
        Assert.That(rows.Where(r => (string?)r!["outcome"] == "WouldIssue").Select(r => (string?)r!["reason"]), Has.All.Null);
        Assert.That((int?)json["wouldIssue"], Is.EqualTo(2));
        Assert.That((int?)json["rejected"], Is.EqualTo(5));
        Assert.That((int?)json["issued"], Is.Zero);
        Assert.That(await CountCredentialsAsync(), Is.EqualTo(before), "a dry run writes nothing");
    }

    [Test]
    public async Task Batch_Real_JobIssuesEveryRowThenASecondJobReportsAlreadyIssuedInItsLinksCsv()
    {
        var csv = await File.ReadAllTextAsync(Infrastructure.RepositoryPaths.File("samples", "learners.csv"));
        var job = await Jobs.BatchJobs.RunAsync(Client, adminKey, csv);
        Assert.That(((string?)job["state"], (int?)job["issued"], (int?)job["rejected"], (int?)job["remaining"]), Is.EqualTo(("done", 6, 0, 0)));

        var again = await Jobs.BatchJobs.RunAsync(Client, adminKey, csv);
        Assert.That(((int?)again["issued"], (int?)again["alreadyIssued"]), Is.EqualTo((0, 6)));
        var links = await Jobs.BatchJobs.LinksAsync(Client, adminKey, again);
        var lines = links.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Is.EqualTo("line;name;code;outcome;reason;verification_url;download_url"));
        Assert.That(lines, Has.Length.EqualTo(7));
        Assert.That(lines.Skip(1), Has.All.Contains(";AlreadyIssued;"));
        Assert.That(lines.Skip(1), Has.All.Contains(";http://localhost/v/"));
        Assert.That(lines.Skip(1), Has.All.Contains(";http://localhost/d/"));
        Assert.That(links, Does.Contain("Zoë Müller-Brontë"));
    }

    [Test]
    public async Task Batch_Multipart_IsAccepted()
    {
        var csv = $"email;name;code;awarded;grade;start;end\n{Guid.NewGuid():N}@example.be;{UniqueName("Multi")};MC-AIR;2026-02-06;14;2025-09-22;2026-01-23\n";
        using var form = new MultipartFormDataContent { { Utf8(csv, "text/csv"), "file", "learners.csv" } };
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches?dryRun=true", content: form));
        var json = await JsonAsync(response, HttpStatusCode.OK);
        Assert.That((int?)json["wouldIssue"], Is.EqualTo(1));
    }

    [Test]
    public async Task StaffApi_WithoutKey_Returns401()
    {
        using var response = await Client.PostAsJsonAsync("/api/credentials", Award("x@example.be", "X Y"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task StaffApi_WrongKey_Returns401()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials", key: "mck_not-a-real-key"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Revoke_IssuerRoleKey_Returns403AndChangesNothing()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/{issued.Handle}/revoke", issuerKey,
            JsonContent.Create(new { reason = "test" })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Verdict(await PageAsync(issued.Handle, "en")), Is.EqualTo("Valid"));
    }

    [Test]
    public async Task IssuerRoleKey_CanIssueAndList()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials?take=5", issuerKey));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GetCredential_ByShortCode_ReturnsDetailWithoutEmail()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, $"/api/credentials/{issued.ShortCode}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = (JsonObject)JsonNode.Parse(text)!;
        Assert.That((string?)json["id"], Is.EqualTo(issued.Id));
        Assert.That((string?)json["state"], Is.EqualTo("active"));
        Assert.That(text, Does.Not.Contain(issued.Email));
    }

    private async Task<int> CountCredentialsAsync()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials?take=500"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count;
    }
}
