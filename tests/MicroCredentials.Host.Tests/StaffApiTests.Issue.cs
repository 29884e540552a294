using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests;

/// <summary>POST /api/credentials, POST /api/batches, GET /api/credentials[/{id}]: optional fields left out, bad rows.</summary>
public sealed partial class StaffApiTests
{
    [Test]
    public async Task Issue_PassFailWithoutGradeStartAndEnd_Created()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name = UniqueName("Jan"), code = "MC-CBE", awarded = "2026-02-06" })));

        var json = await JsonAsync(response, HttpStatusCode.Created);
        Assert.That((string?)json["outcome"], Is.EqualTo("Issued"));
    }

    [Test]
    public async Task Issue_GradedWithoutStartAndEnd_Created()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name = UniqueName("Jan"), code = "MC-DSH", awarded = "2026-02-06", grade = "14" })));

        await JsonAsync(response, HttpStatusCode.Created);
    }

    [Test]
    public async Task Issue_EmptyObject_400NamesEveryRequiredField()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", Json("{}")));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "email", "name", "code", "awarded" }));
    }

    [TestCase("name", "the name is 5,000 characters long; at most 200 fit on the certificate.", TestName = "5,000-character name")]
    [TestCase("name", "the name holds the bidirectional control U+202E at position 4, which can make it display reversed; remove it.", TestName = "Bidi override in the name")]
    [TestCase("name", "the name holds the control character U+001B at position 3; remove it.", TestName = "ESC in the name")]
    [TestCase("awarded", "the award date 2126-02-06 lies in the future", TestName = "Future award date")]
    [TestCase("awarded", "0001-02-06 lies before 2000; check the year.", TestName = "Year 0001")]
    [TestCase("awarded", "the award date 2025-09-01 lies before the course start 2025-09-22.", TestName = "Before the course start")]
    public async Task Issue_BadNameOrDate_400WithTheRowsReason(string field, string reason)
    {
        var (name, awarded) = TestContext.CurrentContext.Test.Name switch
        {
            "5,000-character name" => (new string('a', 5000), "2026-02-06"),
            "Bidi override in the name" => ("An \u202EslaitnedeR\u202C Peeters", "2026-02-06"),
            "ESC in the name" => ("An\u001B[2J", "2026-02-06"),
            "Future award date" => ("An Peeters", "2126-02-06"),
            "Year 0001" => ("An Peeters", "0001-02-06"),
            _ => ("An Peeters", "2025-09-01"),
        };
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded, grade = "14", start = "2025-09-22" })));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((string?)problem["errors"]![field]![0], Does.StartWith(reason));
    }

    [Test]
    public async Task Batch_HeaderWithoutOptionalColumnsAndNoDryRunParameter_Issues()
    {
        var csv = $"email;name;code;awarded\n{Guid.NewGuid():N}@example.be;{UniqueName("Els")};MC-CBE;2026-02-06\n";
        var json = await Jobs.BatchJobs.RunAsync(Client, adminKey, csv);

        Assert.That(((string?)json["state"], (int?)json["issued"], (int?)json["rejected"]), Is.EqualTo(("done", 1, 0)));
    }

    [Test]
    public async Task Batch_LinksCsv_FormulaCellsNeutralisedAndRowErrorsNamed()
    {
        var formula = "=HYPERLINK(\"http://evil.example\",\"Jan\")";
        var csv = "email;name;code;awarded\n"
            + $"{Guid.NewGuid():N}@example.be;\"{formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\";MC-CBE;2026-02-06\n"
            + $"{Guid.NewGuid():N}@example.be;@Jan Peeters;MC-CBE;2026-02-06\n"
            + $"{Guid.NewGuid():N}@example.be;-Jan Peeters;MC-CBE;2026-02-06\n"
            + $"{Guid.NewGuid():N}@example.be;+Jan Peeters;MC-CBE;2026-02-06\n"
            + $"{Guid.NewGuid():N}@example.be;{new string('x', 201)};MC-CBE;2026-02-06\n";
        var job = await Jobs.BatchJobs.RunAsync(Client, adminKey, csv);
        var text = await Jobs.BatchJobs.LinksAsync(Client, adminKey, job);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1], Does.StartWith("2;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Jan\"\")\";MC-CBE;Issued;"));
        Assert.That(lines[2], Does.StartWith("3;'@Jan Peeters;"));
        Assert.That(lines[3], Does.StartWith("4;'-Jan Peeters;"));
        Assert.That(lines[4], Does.StartWith("5;'+Jan Peeters;"));
        Assert.That(lines[5], Does.StartWith("6;;;Rejected;\"name: the name is 201 characters long"));
        Assert.That(lines.Skip(1).Select(l => l.Split(';')[1]), Has.None.Match("^[=+\\-@]"));
    }

    [Test]
    public async Task Batch_EmptyBody_Returns4xxProblem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches", new StringContent("", Encoding.UTF8, "text/csv")));

        await AssertProblemAsync(response);
    }

    [Test]
    public async Task Batch_NoBody_Returns4xxProblem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches"));

        await AssertProblemAsync(response);
    }

    [Test]
    public async Task Batch_WrongContentType_Returns415Problem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches", new StringContent("{}", Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task List_WithoutSkipAndTake_ReturnsNewestFirst()
    {
        var issued = await IssueAsync();
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonNode.Parse(text)!.AsArray().Select(c => (string?)c!["id"]), Does.Contain(issued.Id));
    }

    [Test]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials/urn:uuid:00000000-0000-0000-0000-000000000000"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
