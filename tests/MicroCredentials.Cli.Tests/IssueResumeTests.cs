using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace MicroCredentials.Cli.Tests;

/// <summary>
/// Issue 14 point 2 with a real child process: <c>microcred issue</c> is killed (SIGKILL) or interrupted (SIGINT, as
/// Ctrl-C sends) in the middle of its job, and <c>microcred issue --resume &lt;job&gt;</c> finishes it — every row issued
/// exactly once, no status index wasted, every graduate's files written; then <c>revoke-job</c> revokes the lot.
/// </summary>
[NonParallelizable]
public sealed partial class IssueResumeTests
{
    private const int Rows = 1_000;

    [TestCase("KILL", TestName = "Issue_KilledMidJob_ResumeFinishesEveryRowExactlyOnce")]
    [TestCase("INT", TestName = "Issue_InterruptedMidJob_StopsWithResumeCommandAndResumeFinishes")]
    public async Task Issue_StoppedMidJob_ResumeFinishesEveryRowExactlyOnce(string signal)
    {
        using var ws = new Workspace();
        var learners = ws.Write("learners.csv", Csv(Rows));
        string[] issue = ["issue", "--catalog", Repo.Catalog, "--out", ws.Out, .. ws.Storage(), "--no-pdf"];

        // One signing thread, so the child is surely stopped part-way however fast the machine is.
        using var child = Start([.. issue, "--learners", learners, "--workers", "1"]);
        var output = new StringBuilder();
        var jobId = await WaitForProgressAsync(child, output);
        if (signal == "KILL")
        {
            child.Kill(entireProcessTree: true);
        }
        else
        {
            using var interrupt = Process.Start("kill", ["-INT", child.Id.ToString(CultureInfo.InvariantCulture)])!;
            await interrupt.WaitForExitAsync();
        }

        using (var exit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            output.Append(await child.StandardOutput.ReadToEndAsync(exit.Token));
            await child.WaitForExitAsync(exit.Token);
        }

        var issuedBefore = await ScalarAsync(ws, "SELECT COUNT(*) FROM credentials");
        Assert.That(issuedBefore, Is.InRange(1, Rows - 1), $"stopped part-way:\n{output}");
        if (signal == "INT")
        {
            Assert.That(child.ExitCode, Is.EqualTo(130), output.ToString());
            Assert.That(output.ToString(), Does.Contain($"finish the job with: microcred issue --resume {jobId}"));
        }

        var resumed = await CliRun.RunAsync([.. issue, "--resume", jobId]);

        Assert.That(resumed.ExitCode, Is.EqualTo(CliApp.Ok), resumed.ToString());
        Assert.That(resumed.Output, Does.Contain($"issued {Rows}, skipped as already issued 0, rejected 0"), "rows of both runs, each once");
        Assert.That(await ScalarAsync(ws, "SELECT COUNT(*) FROM credentials"), Is.EqualTo(Rows));
        Assert.That(await ScalarAsync(ws, "SELECT COUNT(DISTINCT idempotency_key) FROM credentials"), Is.EqualTo(Rows), "no award twice");
        Assert.That(await ScalarAsync(ws, "SELECT COUNT(*) FROM status_entries WHERE credential_id IS NULL"), Is.Zero,
            "rows taken over keep the status slots reserved for them");
        Assert.That(ws.CredentialJsonFiles(), Has.Length.EqualTo(Rows));
        Assert.That(Directory.GetFiles(ws.Out, "*.part"), Is.Empty, "no half-written file");
        Assert.That(await File.ReadAllLinesAsync(Path.Combine(ws.Out, "links.csv")), Has.Length.EqualTo(Rows + 1));

        var revoked = await CliRun.RunAsync(["revoke-job", jobId, "--reason", "sent by mistake", .. ws.Storage()]);
        Assert.That(revoked.ExitCode, Is.EqualTo(CliApp.Ok), revoked.ToString());
        Assert.That(revoked.Output, Does.Contain($"revoked {Rows} credentials of job {jobId} (0 were revoked before)"));
        Assert.That(await ScalarAsync(ws, "SELECT COUNT(*) FROM credentials WHERE revoked_at IS NOT NULL"), Is.EqualTo(Rows));
    }

    [Test]
    public async Task Issue_ResumeUnknownJobOrBothInputs_RefusedWithExitCode2()
    {
        using var ws = new Workspace();
        var unknown = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--resume", "no-such-job", "--out", ws.Out, .. ws.Storage()]);
        var both = await CliRun.RunAsync(["issue", "--catalog", Repo.Catalog, "--resume", "x", "--learners", Repo.Learners, .. ws.Storage()]);
        var revokeUnknown = await CliRun.RunAsync(["revoke-job", "no-such-job", "--reason", "x", .. ws.Storage()]);

        Assert.That((unknown.ExitCode, both.ExitCode, revokeUnknown.ExitCode), Is.EqualTo((CliApp.BadInput, CliApp.BadInput, CliApp.BadInput)));
        Assert.That(unknown.Output, Does.Contain("no batch job 'no-such-job'"));
        Assert.That(both.Output, Does.Contain("either --learners <file> (a new batch) or --resume <job>"));
    }

    // Reads the child's output until it has printed its job id and then a first progress line with rows issued.
    private static async Task<string> WaitForProgressAsync(Process child, StringBuilder output)
    {
        string? jobId = null;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await child.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            output.AppendLine(line);
            if (JobLine().Match(line) is { Success: true } job)
            {
                jobId = job.Groups[1].Value;
            }
            else if (jobId is not null && ProgressLine().Match(line) is { Success: true } progress && int.Parse(progress.Groups[1].Value, CultureInfo.InvariantCulture) > 0)
            {
                return jobId;
            }
        }

        Assert.Fail($"the child ended before it made progress:\n{output}{await child.StandardError.ReadToEndAsync()}");
        return "";
    }

    private static Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "microcred.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "400";
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start)!;
    }

    private static string Csv(int count)
    {
        var csv = new StringBuilder("email;name;code;awarded;grade;start;end\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"learner{i}@example.be;Learner {i};MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        }

        return csv.ToString();
    }

    private static async Task<long> ScalarAsync(Workspace ws, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={ws.Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^job ([0-9a-f]{32}): ")]
    private static partial Regex JobLine();

    [GeneratedRegex("^Issuing: ([0-9]+)/")]
    private static partial Regex ProgressLine();
}
