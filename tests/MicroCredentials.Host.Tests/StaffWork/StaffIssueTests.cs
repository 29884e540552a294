using System.Globalization;
using System.Net;
using System.Text;
using MicroCredentials.Data;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>
/// Issue from a spreadsheet through real HTTP on SQLite and PostgreSQL: upload a CSV and an .xlsx with errors, see the
/// reasons next to the cells, fix them, issue 200 rows (STAFF_ISSUE_ROWS) as a background job, follow the progress page, download the links.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class StaffIssueTests(string provider)
{
    private HostFactory? factory;
    private WebApplicationFactory<Program>? host;
    private readonly List<StatusRecorder> recorder = [];

    private WebApplicationFactory<Program> Host => host!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync(provider, extra: new Dictionary<string, string?> { ["Jobs:RowsPerCommit"] = "25" });
        host = factory;
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        var errors = recorder.SelectMany(r => r.ServerErrors).ToList();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }

        Assert.That(errors, Is.Empty, "no staff page may answer 5xx");
    }

    [Test]
    public async Task Pages_RefuseAnonymousAndOtherRoles_AndFormsWithoutAntiforgery()
    {
        using var anonymous = await StaffWorkSignIn.SignedInAsync(factory!, recorder, role: null);
        using var issuer = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.IssuerRole);
        foreach (var path in new[] { "/staff/issue", "/staff/issue/jobs/x", "/staff/issue/jobs/x/links.csv" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(refused.Headers.Location?.AbsolutePath, Is.EqualTo("/staff/signin"), path);
        }

        foreach (var path in new[] { "/staff/issue", "/staff/issue/check", "/staff/issue/start", "/staff/issue/jobs/x/forget" })
        {
            using var form = new FormUrlEncodedContent([new("table", "[[\"email\"]]")]);
            Assert.That((await anonymous.PostAsync(path, form)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path + ": anonymous, sent to the sign-in");
            Assert.That((await issuer.PostAsync(path, form)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), path + " without antiforgery token");
        }
    }

    [Test]
    public async Task Csv_WithErrors_FixCells_IssueAll_ProgressAndLinks()
    {
        // 200 rows in CI; benchmarks/staff-issue-rows.sh runs the same journey with 1,000 or 10,000 and prints the times.
        var n = int.TryParse(Environment.GetEnvironmentVariable("STAFF_ISSUE_ROWS"), out var rows) && rows > 0 ? rows : 200;
        using var client = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.IssuerRole, "Ann Staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("E-mailadres,Naam,Opleidingscode,Toegekend,Cijfer\r\n");
        for (var i = 1; i <= n; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"l{i}.{tag}@example.be,\"De Vos, Jan {i}\",MC-DSH,2026-02-06,15\r\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"not-an-address,Els Wouters,MC-DSH,2026-02-06,12\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"tom.{tag}@example.be,Tom Maes,MC-XYZ,2026-02-06,12\r\n");
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, html) = await StaffPages.UploadAsync(client, bytes, "geslaagden.csv");
        var dryRun = clock.Elapsed;
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(StaffPages.Counts(html), Is.EqualTo($"{n} new, 0 already issued, 2 invalid."));
        Assert.That(html, Does.Contain($"data-row=\"{n + 2}\" data-status=\"invalid\""));
        Assert.That(html, Does.Match($"id=\"why-{n}-0\" data-reason=\"email\">[^<]*not-an-address[^<]*is not an e-mail address"), "the reason is next to the e-mail cell");
        Assert.That(html, Does.Match($"id=\"why-{n + 1}-2\" data-reason=\"code\">[^<]*MC-XYZ[^<]*is not in the catalogue"), "the reason is next to the code cell");

        string[] mapping = ["email", "name", "code", "awarded", "grade"];
        using var fixedPage = await StaffPages.PostGridAsync(client, html, "/staff/issue/check", mapping,
            new Dictionary<string, string> { [$"cell-{n}-0"] = $"els.{tag}@example.be", [$"cell-{n + 1}-2"] = "MC-DSH" });
        var fixedHtml = await fixedPage.Content.ReadAsStringAsync();
        Assert.That(StaffPages.Counts(fixedHtml), Is.EqualTo($"{n + 2} new, 0 already issued, 0 invalid."));

        clock.Restart();
        using var started = await StaffPages.PostGridAsync(client, fixedHtml, "/staff/issue/start", mapping);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var jobPath = started.Headers.Location!.OriginalString;
        Assert.That(jobPath, Does.StartWith("/staff/issue/jobs/"));

        var done = await WaitForJobAsync(jobPath.Split('/')[^1], n);
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            // The host runs in this test process: its peak resident memory is the host's plus the test client's.
            TestContext.Progress.WriteLine($"staff issue {provider}: {n + 2} rows: upload + dry run {dryRun.TotalSeconds:F1} s, issue {clock.Elapsed.TotalSeconds:F1} s, " +
                $"peak memory of the process holding the host {self.PeakWorkingSet64 / (1024 * 1024)} MiB");
        }

        Assert.That((done.Issued, done.Rejected, done.Remaining), Is.EqualTo((n + 2, 0, 0)));

        using var page = await client.GetAsync(jobPath);
        var pageHtml = await page.Content.ReadAsStringAsync();
        Assert.That(page.Headers.Contains("Refresh"), Is.False, "a finished job's page stops reloading");
        Assert.That(pageHtml, Does.Contain($"data-field=\"done\">{n + 2}<").And.Contain("data-field=\"remaining\">0<").And.Contain("data-action=\"links\""));

        using var links = await client.GetAsync(jobPath + "/links.csv");
        var raw = await links.Content.ReadAsByteArrayAsync();
        Assert.That(raw.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
        var lines = Encoding.UTF8.GetString(raw, 3, raw.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("email;name;micro-credential;status;verification_url;download_url"));
        Assert.That(lines, Has.Length.EqualTo(n + 3));
        Assert.That(lines, Has.Some.StartWith($"l1.{tag}@example.be;\"De Vos, Jan 1\";MC-DSH;issued;http://localhost/v/"));
        Assert.That(lines, Has.Some.StartWith($"els.{tag}@example.be;Els Wouters;MC-DSH;issued;"));
        Assert.That(lines.Skip(1).All(l => l.Contains(";http://localhost/d/", StringComparison.Ordinal)), "every row has its download link");

        var store = Host.Services.GetRequiredService<CredentialStore>();
        var audit = await store.QueryAuditAsync(null, 0, 1000, CancellationToken.None);
        Assert.That(audit.Where(a => a.Action == AuditAction.Issue).Select(a => a.Actor).Distinct(), Has.Member("Ann Staff"), "the audit names the staff member");

        // The same spreadsheet again: nothing is new, every row is already issued.
        var (_, again) = await StaffPages.UploadAsync(client, bytes, "geslaagden.csv");
        using var againFixed = await StaffPages.PostGridAsync(client, again, "/staff/issue/check", mapping,
            new Dictionary<string, string> { [$"cell-{n}-0"] = $"els.{tag}@example.be", [$"cell-{n + 1}-2"] = "MC-DSH" });
        Assert.That(StaffPages.Counts(await againFixed.Content.ReadAsStringAsync()), Is.EqualTo($"0 new, {n + 2} already issued, 0 invalid."));

        // Forgetting the addresses empties the e-mail column; the links stay.
        using var forget = await StaffPages.PostGridAsync(client, pageHtml, jobPath + "/forget", []);
        Assert.That(forget.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = (await client.GetStringAsync(jobPath + "/links.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(after.Skip(1).All(l => l.StartsWith(';')), "no e-mail address is kept after forgetting");
    }

    [Test]
    public async Task Xlsx_WithErrorsAndAnUnknownHeader_MapThenFixThenIssue()
    {
        using var client = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.AdministratorRole, "Bert Admin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var xlsx = XlsxFile.Create([
            ["Email", "Full name", "Course", "Exam board", "Grade"],
            [$"zoe.{tag}@example.de", "Zoë Müller-Brontë", "MC-DSH", new DateOnly(2026, 2, 6), 17.0],
            [$"an.{tag}@example.be", "", "MC-DSH", new DateOnly(2026, 2, 6), 15.0],
        ]);

        var (status, html) = await StaffPages.UploadAsync(client, xlsx, "learners.xlsx");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Contain("data-problem=\"mapping\"").And.Contain("Date awarded"), "the award date column is not recognised: the page asks for it");
        Assert.That(html, Does.Not.Contain("data-field=\"counts\""));

        string[] mapping = ["email", "name", "code", "awarded", "grade"];
        using var mapped = await StaffPages.PostGridAsync(client, html, "/staff/issue/check", mapping);
        var mappedHtml = await mapped.Content.ReadAsStringAsync();
        Assert.That(StaffPages.Counts(mappedHtml), Is.EqualTo("1 new, 0 already issued, 1 invalid."));
        Assert.That(mappedHtml, Does.Contain("id=\"why-1-1\" data-reason=\"name\""), "the empty name's reason is next to the name cell");

        using var fixedPage = await StaffPages.PostGridAsync(client, mappedHtml, "/staff/issue/check", mapping,
            new Dictionary<string, string> { ["cell-1-1"] = "An Peeters" });
        var fixedHtml = await fixedPage.Content.ReadAsStringAsync();
        Assert.That(StaffPages.Counts(fixedHtml), Is.EqualTo("2 new, 0 already issued, 0 invalid."));

        using var started = await StaffPages.PostGridAsync(client, fixedHtml, "/staff/issue/start", mapping);
        var done = await WaitForJobAsync(started.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.That(done.Issued, Is.EqualTo(2));
        var links = await client.GetStringAsync(started.Headers.Location.OriginalString + "/links.csv");
        Assert.That(links, Does.Contain($"zoe.{tag}@example.de;Zoë Müller-Brontë;MC-DSH;issued;"));

        // The mapping is remembered for this staff member and this header: the same export is checked at once.
        var (_, again) = await StaffPages.UploadAsync(client, xlsx, "learners.xlsx");
        Assert.That(again, Does.Not.Contain("data-problem=\"mapping\""));
        Assert.That(StaffPages.Counts(again), Is.EqualTo("0 new, 1 already issued, 1 invalid."), "the fixed cell was in the form, not the file");
        using var colleague = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.IssuerRole, "Carl Colleague");
        var (_, theirs) = await StaffPages.UploadAsync(colleague, xlsx, "learners.xlsx");
        Assert.That(theirs, Does.Contain("data-problem=\"mapping\""), "another staff member's mapping is their own");
    }

    [Test]
    public async Task Windows1252Csv_IsRefusedWithWhatToDo_InTheStaffMembersLanguage()
    {
        using var client = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.IssuerRole);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");
        var (status, html) = await StaffPages.UploadAsync(client, Encoding.Latin1.GetBytes("naam;e-mail\nZoë;z@example.de\n"), "export.csv");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Dit CSV-bestand is geen UTF-8").And.Contain("CSV UTF-8"));
    }

    [Test]
    public async Task JobPage_WhileRunning_AsksTheBrowserToReload_UnknownJobIs404()
    {
        using var client = await StaffWorkSignIn.SignedInAsync(factory!, recorder, StaffPolicies.IssuerRole);
        using var unknown = await client.GetAsync("/staff/issue/jobs/nope");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // A job stored but not yet finished (cancelled at once is finished; a queued one is not): read the page before it runs.
        var store = Host.Services.GetRequiredService<CredentialStore>();
        var csv = MicroCredentials.Catalog.LearnerCsvReader.Read($"email;name;code;awarded;grade\nq.{Guid.NewGuid():N}@example.be;Q;MC-DSH;2026-02-06;15\n", "q.csv",
            Host.Services.GetRequiredService<MicroCredentials.Catalog.MicroCredentialCatalog>(), new DateOnly(2026, 12, 1));
        var id = await store.CreateBatchJobAsync(csv, "test", "q.csv", CancellationToken.None);
        using var page = await client.GetAsync($"/staff/issue/jobs/{id}");
        var status = await store.GetBatchJobAsync(id, CancellationToken.None);
        if (status!.State is not (BatchJobState.Done or BatchJobState.Cancelled))
        {
            Assert.That(page.Headers.GetValues("Refresh").Single(), Is.EqualTo("2"));
        }

        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<progress"));
        await WaitForJobAsync(id);
    }

    private async Task<BatchJobStatus> WaitForJobAsync(string id, int rows = 200)
    {
        var store = Host.Services.GetRequiredService<CredentialStore>();
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var status = await store.GetBatchJobAsync(id, CancellationToken.None);
            if (status?.State is BatchJobState.Done or BatchJobState.Cancelled)
            {
                return status;
            }

            Assert.That(TimeProvider.System.GetElapsedTime(deadline), Is.LessThan(TimeSpan.FromMinutes(4 + (rows / 200))), $"job {id} did not finish: {status}");
            await Task.Delay(200);
        }
    }
}
