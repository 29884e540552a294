using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Identity;

/// <summary>
/// Issue 11 points 1 and 2 with two real processes: the built host (<c>dotnet exec</c>) and the built <c>microcred</c>,
/// started with no database options, find the same database through <c>$MICROCRED_DATA</c>; a CLI revocation reaches the
/// running host's page within a second; another identity is refused; a new public address stops start-up until an
/// explicit <c>microcred identity move</c>, after which earlier credentials still verify.
/// </summary>
[NonParallelizable]
public sealed class TwoProcessTests
{
    private string folder = string.Empty;

    private Dictionary<string, string> Environment => new() { ["MICROCRED_DATA"] = Path.Combine(folder, "data") };

    private string DatabasePath => Path.Combine(folder, "data", "microcredentials.db");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("microcred-two-process-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task CliRevoke_RunningHost_PageSaysRevokedWithinOneSecond()
    {
        await using var host = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: "listen");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        // No --db, no --base-url: the CLI finds the host's database and its stored address.
        var (issued, issueOutput) = await IssueWithCliAsync();
        Assert.That(issueOutput, Does.Contain($"database: {DatabasePath} (from $MICROCRED_DATA)"));
        Assert.That(host.Output, Does.Contain($"Database: SQLite {DatabasePath} (from $MICROCRED_DATA)"));
        Assert.That(issued.VerificationUrl, Does.StartWith(host.BaseAddress.ToString() + "v/"));
        Assert.That(await VerdictAsync(http, issued.VerificationUrl), Is.EqualTo("valid"));

        var (code, output) = await BuiltPrograms.CliAsync(Environment, "revoke", issued.Id, "--reason", "two-process test");
        var revokedAt = Stopwatch.StartNew();
        Assert.That(code, Is.EqualTo(0), output);

        string verdict;
        do
        {
            verdict = await VerdictAsync(http, issued.VerificationUrl);
        }
        while (verdict != "revoked" && revokedAt.Elapsed < TimeSpan.FromSeconds(3));

        Assert.That(verdict, Is.EqualTo("revoked"));
        TestContext.Out.WriteLine($"revocation visible on the host's page {revokedAt.Elapsed.TotalMilliseconds:0} ms after the CLI exited");
        Assert.That(revokedAt.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the host's page must say revoked within 1 s of the CLI's revocation");
    }

    [Test]
    public async Task CliIssue_AnotherBaseUrlThanTheHostsDatabase_RefusesWithWhatToDo()
    {
        await using (var host = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: "listen"))
        {
            await IssueWithCliAsync();
        }

        var (code, output) = await BuiltPrograms.CliAsync(Environment, "issue", "--catalog", RepositoryPaths.File("samples", "catalog.json"),
            "--learners", Learners("Bo"), "--out", Path.Combine(folder, "out2"), "--base-url", "https://other.example");

        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("refused"));
        Assert.That(output, Does.Contain("the public address is https://other.example"));
        Assert.That(output, Does.Contain("microcred identity move --to https://other.example"));
        Assert.That(Directory.Exists(Path.Combine(folder, "out2")) && Directory.EnumerateFiles(Path.Combine(folder, "out2"), "*.json").Any(), Is.False);
    }

    [Test]
    public async Task Restart_NewPublicBaseUrl_StopsUntilMovedThenEarlierCredentialsStayGenuine()
    {
        string oldAuthority;
        StaffIssued old;
        await using (var first = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: "listen"))
        {
            oldAuthority = first.BaseAddress.Authority;
            (old, _) = await IssueWithCliAsync();
        }

        // A second host on the same file with a new PublicBaseUrl: start-up stops and says exactly what to do.
        var (exit, output) = await HostProcess.RunToFailureAsync(RepositoryPaths.Root, Environment, "--Issuer:PublicBaseUrl=https://new.example");
        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(output, Does.Contain("microcred identity move --to https://new.example"));
        Assert.That(output, Does.Contain($"set Issuer:PublicBaseUrl to http://{oldAuthority}"));

        var (moved, moveOutput) = await BuiltPrograms.CliAsync(Environment, "identity", "move", "--to", "https://new.example");
        Assert.That(moved, Is.EqualTo(0), moveOutput);

        await using var third = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: "https://new.example");
        using var http = new HttpClient { BaseAddress = third.BaseAddress };
        Assert.That(third.Output, Does.Contain("earlier identities still trusted: did:web:127.0.0.1%3A"));

        // The credential issued at the old address still verifies as genuine, in JSON and JWT.
        foreach (var (file, type) in new[] { (old.JsonPath, "application/json"), (old.JwtPath, "text/plain") })
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            using var response = await http.PostAsync("/api/verify", content);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        }

        // Both DID documents are published: the old one to requests for the old host, the new one otherwise.
        using var oldDid = new HttpRequestMessage(HttpMethod.Get, "/.well-known/did.json");
        oldDid.Headers.Host = oldAuthority;
        using var oldAnswer = await http.SendAsync(oldDid);
        Assert.That((string?)JsonNode.Parse(await oldAnswer.Content.ReadAsStringAsync())!["id"], Is.EqualTo("did:web:" + oldAuthority.Replace(":", "%3A", StringComparison.Ordinal)));
        var newDid = JsonNode.Parse(await http.GetStringAsync("/.well-known/did.json"))!;
        Assert.That((string?)newDid["id"], Is.EqualTo("did:web:new.example"));

        // New credentials are issued under the new identity, with our context at the new address.
        var (fresh, _) = await IssueWithCliAsync("Cas");
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(fresh.JsonPath))!;
        Assert.That((string?)credential["issuer"]!["id"], Is.EqualTo("did:web:new.example"));
        Assert.That((string?)credential["@context"]![3], Is.EqualTo("https://new.example/contexts/microcredential-v1.jsonld"));
        Assert.That(fresh.VerificationUrl, Does.StartWith("https://new.example/v/"));
    }

    [Test]
    public async Task Host_StartedFromTheRepositoryRoot_UsesItsOwnFolderAndWarnsWhenListeningElsewhere()
    {
        // As the README says: from the repository root, public address left to appsettings.json (http://localhost:5000).
        await using var host = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: null);

        Assert.That(host.Output, Does.Contain("Content root path: " + RepositoryPaths.File("src", "MicroCredentials.Host")));
        Assert.That(host.Output, Does.Contain($"The host listens on {host.BaseAddress.ToString().TrimEnd('/')} but Issuer:PublicBaseUrl is http://localhost:5000"));
    }

    /// <summary>A credential issued by the CLI: its files and links.</summary>
    private sealed record StaffIssued(string Id, string VerificationUrl, string JsonPath, string JwtPath);

    private async Task<(StaffIssued Issued, string Output)> IssueWithCliAsync(string first = "An")
    {
        var outDir = Path.Combine(folder, "out-" + Guid.NewGuid().ToString("N")[..6]);
        var (code, output) = await BuiltPrograms.CliAsync(Environment, "issue", "--catalog", RepositoryPaths.File("samples", "catalog.json"),
            "--learners", Learners(first), "--out", outDir);
        Assert.That(code, Is.EqualTo(0), output);
        var row = (await File.ReadAllLinesAsync(Path.Combine(outDir, "links.csv")))[1].Split(';');
        var id = row[3];
        var bare = id.Replace("urn:uuid:", "", StringComparison.Ordinal);
        var json = Directory.GetFiles(outDir, "*.json").Single(f => Path.GetFileName(f).Contains(bare, StringComparison.Ordinal));
        return (new StaffIssued(id, row[5], json, Path.ChangeExtension(json, ".jwt")), output);
    }

    private string Learners(string first)
    {
        var path = Path.Combine(folder, $"learners-{first}-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, $"email;name;code;awarded;grade;start;end\n{Guid.NewGuid():N}@example.be;{first} Twoprocess;MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        return path;
    }

    private static async Task<string> VerdictAsync(HttpClient http, string verificationUrl)
    {
        using var response = await http.GetAsync(new Uri(verificationUrl).AbsolutePath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        const string Marker = "data-verdict=\"";
        var at = html.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the page has a verdict");
        var start = at + Marker.Length;
        return html[start..html.IndexOf('"', start)].ToLowerInvariant();
    }
}
