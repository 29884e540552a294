namespace MicroCredentials.Cli.Tests;

/// <summary>
/// The CLI's staff commands: status messages in plain words, re-issue keeps the award's identity (an e-mail
/// correction is stated and the original row stays "already issued"), row errors for names and dates, and a links
/// CSV that no spreadsheet runs as formulas.
/// </summary>
public sealed class StaffCommandTests
{
    private Workspace _ws = null!;

    [SetUp]
    public void NewWorkspace() => _ws = new Workspace();

    [TearDown]
    public void Cleanup() => _ws.Dispose();

    [Test]
    public async Task SuspendUnsuspend_Messages_AreRealWords()
    {
        Assert.That((await _ws.IssueAsync(Repo.Learners)).ExitCode, Is.EqualTo(CliApp.Ok));
        var id = "urn:uuid:" + Path.GetFileNameWithoutExtension(_ws.CredentialJsonFiles()[0]);

        var suspend = await CliRun.RunAsync(["suspend", id, "--reason", "inquiry", .. _ws.Storage()]);
        var unsuspend = await CliRun.RunAsync(["unsuspend", id, .. _ws.Storage()]);
        var again = await CliRun.RunAsync(["unsuspend", id, .. _ws.Storage()]);
        var revoke = await CliRun.RunAsync(["revoke", id, "--reason", "fraud", .. _ws.Storage()]);
        var revokeAgain = await CliRun.RunAsync(["revoke", id, "--reason", "fraud", .. _ws.Storage()]);

        Assert.That(Lines(suspend), Has.Some.StartWith($"suspended {id}"), suspend.ToString());
        Assert.That(Lines(unsuspend), Has.Some.StartWith($"unsuspended {id}"), unsuspend.ToString());
        Assert.That(Lines(again), Has.Some.StartWith($"unchanged {id} was not suspended"), again.ToString());
        Assert.That(Lines(revoke), Has.Some.StartWith($"revoked {id}"), revoke.ToString());
        Assert.That(Lines(revokeAgain), Has.Some.StartWith($"unchanged {id} was already revoked"), revokeAgain.ToString());
        Assert.That(suspend.Output + unsuspend.Output, Does.Not.Contain("suspendd"));
    }

    [Test]
    public async Task Reissue_DifferentEmailWithoutCorrection_RefusedWithTheOption()
    {
        Assert.That((await _ws.IssueAsync(Repo.Learners)).ExitCode, Is.EqualTo(CliApp.Ok));
        var id = IdOf("an.peeters@example.be");

        var run = await CliRun.RunAsync(["reissue", id, "--catalog", Repo.Catalog, "--email", "someone.else@example.be", "--name", "Mallory Peeters", .. _ws.Storage()]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("differs from the one this credential was issued to").And.Contain("--email-correction --reason"));
    }

    [Test]
    public async Task Reissue_EmailCorrectionWithoutReason_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["reissue", "urn:uuid:x", "--catalog", Repo.Catalog, "--email", "a@b.be", "--email-correction", .. _ws.Storage()]);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain("--email-correction needs --reason"));
    }

    [Test]
    public async Task Reissue_EmailCorrection_OriginalCsvRerunIssuesNothing()
    {
        Assert.That((await _ws.IssueAsync(Repo.Learners)).ExitCode, Is.EqualTo(CliApp.Ok));
        var id = IdOf("an.peeters@example.be");

        var reissue = await CliRun.RunAsync(["reissue", id, "--catalog", Repo.Catalog, "--email", "an.peeters@example.com",
            "--email-correction", "--reason", "typo in the student administration", .. _ws.Storage()]);
        var rerun = await _ws.IssueAsync(Repo.Learners);

        Assert.That(reissue.ExitCode, Is.EqualTo(CliApp.Ok), reissue.ToString());
        Assert.That(Lines(reissue), Has.Some.StartWith($"reissued {id} → urn:uuid:"));
        Assert.That(rerun.ExitCode, Is.EqualTo(CliApp.Ok), rerun.ToString());
        Assert.That(rerun.Output, Does.Contain("issued 0, skipped as already issued 6, rejected 0"));
    }

    [Test]
    public async Task Issue_BadNamesAndDates_RowErrorsFileLineFieldReason()
    {
        var csv = _ws.Write("bad.csv", "email;name;code;awarded;grade;start;end\n"
            + "a@example.be;An Peeters;MC-CBE;2126-02-06;;;\n"
            + "b@example.be;Bo Peeters;MC-CBE;0001-01-01;;;\n"
            + "c@example.be;Cas Peeters;MC-CBE;2025-09-01;;2025-09-22;\n"
            + $"d@example.be;{new string('d', 5000)};MC-CBE;2026-02-06;;;\n"
            + "e@example.be;\"Eva \u202Eabc\";MC-CBE;2026-02-06;;;\n"
            + "f@example.be;\"Fien\u0007\";MC-CBE;2026-02-06;;;\n");

        var run = await _ws.IssueAsync(csv);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("rejected bad.csv:2: awarded: the award date 2126-02-06 lies in the future"));
        Assert.That(run.Output, Does.Contain("rejected bad.csv:3: awarded: 0001-01-01 lies before 2000; check the year."));
        Assert.That(run.Output, Does.Contain("rejected bad.csv:4: awarded: the award date 2025-09-01 lies before the course start 2025-09-22."));
        Assert.That(run.Output, Does.Contain("rejected bad.csv:5: name: the name is 5,000 characters long; at most 200 fit on the certificate."));
        Assert.That(run.Output, Does.Contain("rejected bad.csv:6: name: the name holds the bidirectional control U+202E at position 5"));
        Assert.That(run.Output, Does.Contain("rejected bad.csv:7: name: the name holds the control character U+0007 at position 5"));
        Assert.That(run.Output.IndexOfAny(['\u202E', '\u0007']), Is.EqualTo(-1), "nothing invisible is echoed to the terminal");
        Assert.That(_ws.CredentialJsonFiles(), Is.Empty);
    }

    [Test]
    public async Task Issue_FormulaLikeNames_LinksCsvCellsNeutralised()
    {
        var csv = _ws.Write("formulas.csv", "email;name;code;awarded\n"
            + "a@example.be;\"=HYPERLINK(\"\"http://evil.example\"\",\"\"An\"\")\";MC-CBE;2026-02-06\n"
            + "b@example.be;@Bo Peeters;MC-CBE;2026-02-06\n"
            + "c@example.be;+Cas Peeters;MC-CBE;2026-02-06\n"
            + "d@example.be;-Dirk Peeters;MC-CBE;2026-02-06\n");

        var run = await _ws.IssueAsync(csv);
        var links = (await File.ReadAllTextAsync(Path.Combine(_ws.Out, "links.csv"))).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(links[0], Is.EqualTo("line;name;code;credential;outcome;verification_url;download_url"));
        Assert.That(links[1], Does.StartWith("2;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"An\"\")\";MC-CBE;urn:uuid:"));
        Assert.That(links[2], Does.StartWith("3;'@Bo Peeters;"));
        Assert.That(links[3], Does.StartWith("4;'+Cas Peeters;"));
        Assert.That(links[4], Does.StartWith("5;'-Dirk Peeters;"));
    }

    private static string[] Lines(CliRun run) => run.Output.Split('\n');

    /// <summary>The id of the credential issued to a sample learner (read back from the output files).</summary>
    private string IdOf(string email)
    {
        var index = File.ReadAllLines(Repo.Learners).Skip(1).ToList().FindIndex(l => l.StartsWith(email + ";", StringComparison.Ordinal));
        var line = File.ReadAllLines(Path.Combine(_ws.Out, "links.csv")).Single(l => l.StartsWith($"{index + 2};", StringComparison.Ordinal));
        return line.Split(';')[3];
    }
}
