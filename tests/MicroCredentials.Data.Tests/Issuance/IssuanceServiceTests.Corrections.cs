using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;

namespace MicroCredentials.Data.Tests.Issuance;

/// <summary>Re-issue keeps the award's identity; rows built in code pass the CSV's rules; unsuspend needs no reason.</summary>
public sealed partial class IssuanceServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Reissue_DifferentEmailWithoutCorrection_RejectedAndOldStaysLive()
    {
        var original = (await IssueSamplesAsync())[0];
        var row = SampleCsv().Rows[0] with { Email = "someone.else@example.be", Name = "An Peeters-Smith" };

        var result = await Service.ReissueAsync(Catalog, original.Credential!.Id, row, "admin", emailCorrection: null, None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Does.StartWith("email: the e-mail address differs from the one this credential was issued to"));
        var old = await store!.FindByIdAsync(original.Credential.Id, None);
        Assert.That((old!.IsRevoked, old.SupersededBy), Is.EqualTo((false, (string?)null)));
        Assert.That(await store.CountCredentialsAsync(None), Is.EqualTo(6));
    }

    [Test]
    public async Task Reissue_EmailCorrection_AuditedWithHashesAndOriginalRowStaysAlreadyIssued()
    {
        var original = (await IssueSamplesAsync())[0];
        var originalRow = SampleCsv().Rows[0];
        var correctedRow = originalRow with { Email = "an.peeters@example.com" };

        var corrected = await Service.ReissueAsync(Catalog, original.Credential!.Id, correctedRow, "admin", new EmailCorrection("typo in the student administration"), None);

        Assert.That(corrected.Outcome, Is.EqualTo(IssueOutcome.Issued));
        var audit = await store!.QueryAuditAsync(corrected.Credential!.Id, 0, 10, None);
        var entry = audit.Single(a => a.Action == AuditAction.EmailCorrection);
        var oldHash = (await store.GetLearnerAsync(original.Credential.LearnerId!.Value, None))!.EmailHash;
        var newHash = (await store.GetLearnerAsync(corrected.Credential.LearnerId!.Value, None))!.EmailHash;
        Assert.That(entry.Detail, Does.Contain($"old {oldHash} new {newHash}").And.Contain("reason: typo in the student administration"));
        Assert.That(entry.Detail, Does.Not.Contain("@"));

        // The original CSV row, rerun (issued and dry run): the award is already issued, as its live correction.
        var rerun = await Service.IssueAsync(Catalog, originalRow, "batch", None);
        var preview = await Service.IssueBatchAsync(Catalog, SampleCsv(), "batch", dryRun: true, progress: null, None);
        var again = await Service.IssueAsync(Catalog, correctedRow, "batch", None);

        Assert.That((rerun.Outcome, rerun.Credential!.Id), Is.EqualTo((IssueOutcome.AlreadyIssued, corrected.Credential.Id)));
        Assert.That((preview[0].Outcome, preview[0].Credential!.Id), Is.EqualTo((IssueOutcome.AlreadyIssued, corrected.Credential.Id)));
        Assert.That((again.Outcome, again.Credential!.Id), Is.EqualTo((IssueOutcome.AlreadyIssued, corrected.Credential.Id)));
        Assert.That(await store.CountCredentialsAsync(None), Is.EqualTo(7), "six awards, one of them corrected once");
    }

    [Test]
    public async Task Reissue_NameCorrectionAfterEmailCorrection_OriginalRowFollowsTheChain()
    {
        var original = (await IssueSamplesAsync())[0];
        var originalRow = SampleCsv().Rows[0];
        var first = await Service.ReissueAsync(Catalog, original.Credential!.Id, originalRow with { Email = "an.peeters@example.com" }, "admin",
            new EmailCorrection("typo"), None);
        var second = await Service.ReissueAsync(Catalog, first.Credential!.Id, originalRow with { Email = "an.peeters@example.com", Name = "Anna Peeters" },
            "admin", emailCorrection: null, None);

        var rerun = await Service.IssueAsync(Catalog, originalRow, "batch", None);

        Assert.That(second.Outcome, Is.EqualTo(IssueOutcome.Issued));
        Assert.That(rerun.Outcome, Is.EqualTo(IssueOutcome.AlreadyIssued));
        Assert.That(rerun.Credential!.Id, Is.EqualTo(second.Credential!.Id));
    }

    [Test]
    public async Task Reissue_OtherAwardDate_Rejected()
    {
        var original = (await IssueSamplesAsync())[0];
        var row = SampleCsv().Rows[0] with { Awarded = new DateOnly(2026, 2, 7) };

        var result = await Service.ReissueAsync(Catalog, original.Credential!.Id, row, "admin", emailCorrection: null, None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Is.EqualTo("awarded: a correction keeps the award date (2026-02-06); issue another date as a new award."));
    }

    [Test]
    public async Task Reissue_ToTheAddressOfAnotherLiveAward_Rejected()
    {
        var issued = await IssueSamplesAsync();
        var rows = SampleCsv().Rows;
        var row = rows[0] with { Email = rows[1].Email }; // Zoë's award of the same code and date exists

        var result = await Service.ReissueAsync(Catalog, issued[0].Credential!.Id, row, "admin", new EmailCorrection("mix-up"), None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Does.Contain($"credential {issued[1].Credential!.Id} already holds this award"));
    }

    [TestCase(2026, 2, 11, "awarded: the award date 2026-02-11 lies in the future", TestName = "Future award date")]
    [TestCase(1, 1, 1, "awarded: 0001-01-01 lies before 2000", TestName = "Year 0001")]
    [TestCase(2025, 9, 21, "awarded: the award date 2025-09-21 lies before the course start 2025-09-22", TestName = "Before the course start")]
    public async Task Issue_RowBuiltInCodeWithBadDate_Rejected(int year, int month, int day, string reason)
    {
        var row = SampleCsv().Rows[0] with { Awarded = new DateOnly(year, month, day) };

        var result = await Service.IssueAsync(Catalog, row, "test", None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Does.StartWith(reason));
        Assert.That(await store!.CountCredentialsAsync(None), Is.Zero);
    }

    [Test]
    public async Task Issue_RowBuiltInCodeWithBidiOverride_Rejected()
    {
        var row = SampleCsv().Rows[0] with { Name = "An \u202EslaitnedeR\u202C Peeters" };

        var result = await Service.IssueAsync(Catalog, row, "test", None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Does.StartWith("name: the name holds the bidirectional control U+202E"));
    }

    [TestCase(null, "suspension lifted", TestName = "No reason")]
    [TestCase("  ", "suspension lifted", TestName = "Blank reason")]
    [TestCase("cleared by the exam board", "cleared by the exam board", TestName = "Reason given")]
    public async Task Unsuspend_OptionalReason_LiftsTheSuspensionAndAudits(string? reason, string logged)
    {
        var issued = (await IssueSamplesAsync())[0].Credential!;
        await Service.SuspendAsync(issued.Id, "inquiry", "admin", None);

        var outcome = await Service.UnsuspendAsync(issued.Id, reason, "admin", None);

        Assert.That(outcome, Is.EqualTo(StatusChangeOutcome.Changed));
        Assert.That((await store!.FindByIdAsync(issued.Id, None))!.IsSuspended, Is.False);
        Assert.That((await store.QueryAuditAsync(issued.Id, 0, 1, None))[0].Detail, Is.EqualTo(logged));
    }
}
