using System.Globalization;
using System.Text;

namespace MicroCredentials.Cli.Tests;

/// <summary><c>microcred issue</c> runs the same durable batch job as the host, in-process, with plain progress lines when not on a terminal.</summary>
[TestFixture]
public sealed class IssueJobTests
{
    [Test]
    public async Task Issue_TwentyFiveLearnersNotOnATerminal_PrintsPlainProgressLinesForEveryStageAndWritesEveryRow()
    {
        using var ws = new Workspace();
        var csv = new StringBuilder("email;name;code;awarded;grade;start;end\n");
        for (var i = 1; i <= 25; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"learner{i}@example.be;Learner {i};MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        }

        var run = await ws.IssueAsync(ws.Write("many.csv", csv.ToString()));

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("Issuing: 25/25"));
        Assert.That(run.Output, Does.Contain("Writing files: 25/25"));
        Assert.That(run.Output, Does.Contain("issued 25, skipped as already issued 0, rejected 0"));
        Assert.That(ws.CredentialJsonFiles(), Has.Length.EqualTo(25));
        Assert.That(await File.ReadAllLinesAsync(Path.Combine(ws.Out, "links.csv")), Has.Length.EqualTo(26));

        var again = await ws.IssueAsync(ws.Write("many.csv", csv.ToString()));
        Assert.That(again.Output, Does.Contain("issued 0, skipped as already issued 25"), again.ToString());
    }

    [Test]
    public async Task Issue_NoPdf_WritesCredentialFilesButNoCertificates()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.Learners, "--no-pdf");

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(ws.CredentialJsonFiles(), Has.Length.EqualTo(6));
        Assert.That(Directory.GetFiles(ws.Out, "*.jwt"), Has.Length.EqualTo(6));
        Assert.That(Directory.GetFiles(ws.Out, "*.pdf"), Is.Empty);
    }
}
