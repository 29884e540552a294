namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task InsertIssued_NewCredential_ReadsBackByEveryKey()
    {
        var learner = await Store.UpsertLearnerAsync(new string('a', 64), "An Peeters", None);
        var record = await NewRecordAsync(idempotencyKey: "learner-1/mc-data-science/2026.1", learnerId: learner.Id, downloadToken: "dl-token-secret");

        var result = await Store.InsertIssuedAsync(record, None);

        Assert.That(result.Outcome, Is.EqualTo(StoreOutcome.Inserted));
        var byId = await Store.FindByIdAsync(record.Id, None);
        Assert.That(byId, Is.EqualTo(result.Credential));
        Assert.That(byId!.CredentialJson, Is.EqualTo(record.CredentialJson));
        Assert.That(byId.Jwt, Is.EqualTo(record.Jwt));
        Assert.That(byId.IssuedAt, Is.EqualTo(Start));
        Assert.That(byId.AwardedAt, Is.EqualTo(Start.AddDays(-3)));
        Assert.That(byId.Status, Is.EqualTo(record.Status));
        Assert.That(byId.LearnerId, Is.EqualTo(learner.Id));
        Assert.That(byId.IsRevoked || byId.IsSuspended, Is.False);
        Assert.That((await Store.FindByHandleAsync(record.Handle, None))?.Id, Is.EqualTo(record.Id));
        Assert.That((await Store.FindByShortCodeAsync(record.ShortCode, None))?.Id, Is.EqualTo(record.Id));
        Assert.That((await Store.FindByIdempotencyKeyAsync(record.IdempotencyKey!, None))?.Id, Is.EqualTo(record.Id));
        Assert.That((await Store.FindByDownloadTokenAsync("dl-token-secret", None))?.Id, Is.EqualTo(record.Id));
        Assert.That(await Store.FindByDownloadTokenAsync("dl-token-guess", None), Is.Null);
        Assert.That((await Store.ListCredentialsForLearnerAsync(learner.Id, None)).Select(c => c.Id), Is.EqualTo(new[] { record.Id }));
    }

    [Test]
    public async Task InsertIssued_SameIdempotencyKey_ReturnsAlreadyIssuedWithTheFirst()
    {
        var first = await IssueAsync("same-key");

        var second = await Store.InsertIssuedAsync(await NewRecordAsync("same-key"), None);

        Assert.That(second.Outcome, Is.EqualTo(StoreOutcome.AlreadyIssued));
        Assert.That(second.Credential?.Id, Is.EqualTo(first.Id));
        Assert.That(await Store.CountCredentialsAsync(None), Is.EqualTo(1));
    }

    [Test]
    public async Task InsertIssued_SameIdempotencyKeyInParallel_ExactlyOneInserted()
    {
        var records = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NewRecordAsync("raced-key")));

        var results = await Task.WhenAll(records.Select(r => Task.Run(() => Store.InsertIssuedAsync(r, None))));

        Assert.That(results.Count(r => r.Outcome == StoreOutcome.Inserted), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Outcome == StoreOutcome.AlreadyIssued), Is.EqualTo(7));
        var winner = results.Single(r => r.Outcome == StoreOutcome.Inserted).Credential!.Id;
        Assert.That(results.Select(r => r.Credential!.Id), Is.All.EqualTo(winner));
        Assert.That(await Store.CountCredentialsAsync(None), Is.EqualTo(1));
    }

    [Test]
    public async Task InsertIssued_HandleTaken_WritesNothingAndTheAllocationStaysUsable()
    {
        var first = await IssueAsync();
        var record = await NewRecordAsync() with { Handle = first.Handle };

        var clash = await Store.InsertIssuedAsync(record, None);
        var retry = await Store.InsertIssuedAsync(record with { Handle = "fresh-handle" }, None);

        Assert.That(clash.Outcome, Is.EqualTo(StoreOutcome.HandleTaken));
        Assert.That(retry.Outcome, Is.EqualTo(StoreOutcome.Inserted));
        Assert.That(await Store.QueryAuditAsync(record.Id, 0, 10, None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task InsertIssued_ShortCodeTaken_ReturnsShortCodeTaken()
    {
        var first = await IssueAsync();

        var clash = await Store.InsertIssuedAsync(await NewRecordAsync() with { ShortCode = first.ShortCode }, None);

        Assert.That(clash.Outcome, Is.EqualTo(StoreOutcome.ShortCodeTaken));
    }

    [Test]
    public async Task InsertIssued_FailureAfterCredentialRow_RollsBackEverything()
    {
        var record = await NewRecordAsync("rollback-key");
        // An index nobody reserved: the claim fails after the credential row was written inside the transaction.
        var unreserved = record with
        {
            Status = record.Status with { Suspension = record.Status.Suspension with { Index = (record.Status.Suspension.Index + 1) % 131_072 } },
        };

        Assert.That(() => Store.InsertIssuedAsync(unreserved, None), Throws.InvalidOperationException);

        Assert.That(await Store.FindByIdAsync(record.Id, None), Is.Null);
        Assert.That(await Store.FindByIdempotencyKeyAsync("rollback-key", None), Is.Null);
        Assert.That(await Store.QueryAuditAsync(null, 0, 10, None), Is.Empty);
        // The revocation slot claimed inside the failed transaction is free again for the same record.
        Assert.That((await Store.InsertIssuedAsync(record, None)).Outcome, Is.EqualTo(StoreOutcome.Inserted));
    }

    [Test]
    public async Task InsertIssued_SlotsAlreadyClaimed_Throws()
    {
        var first = await IssueAsync();

        var reuse = await NewRecordAsync() with { Status = first.Status };

        Assert.That(() => Store.InsertIssuedAsync(reuse, None), Throws.InvalidOperationException);
        Assert.That(await Store.FindByIdAsync(reuse.Id, None), Is.Null);
    }

    [Test]
    public async Task InsertIssued_Supersedes_RevokesAndLinksTheOldCredential()
    {
        var old = await IssueAsync();

        var correction = await Store.InsertIssuedAsync(await NewRecordAsync(supersedes: old.Id), None);

        Assert.That(correction.Outcome, Is.EqualTo(StoreOutcome.Inserted));
        var reread = await Store.FindByIdAsync(old.Id, None);
        Assert.That(reread!.SupersededBy, Is.EqualTo(correction.Credential!.Id));
        Assert.That(reread.IsRevoked, Is.True);
        Assert.That(reread.RevocationReason, Does.Contain(correction.Credential.Id));
        Assert.That((await Store.FindByIdAsync(correction.Credential.Id, None))!.Supersedes, Is.EqualTo(old.Id));
        var list = await Store.GetStatusListAsync(old.Status.Revocation.ListId, None);
        Assert.That(list!.SetIndexes, Does.Contain(old.Status.Revocation.Index));
    }

    [Test]
    public async Task InsertIssued_CorrectionWithTheAwardsIdempotencyKey_TakesTheKeyOver()
    {
        var old = await IssueAsync("award-key");

        var correction = await Store.InsertIssuedAsync(await NewRecordAsync("award-key", supersedes: old.Id), None);
        var rerun = await Store.InsertIssuedAsync(await NewRecordAsync("award-key"), None);

        Assert.That(correction.Outcome, Is.EqualTo(StoreOutcome.Inserted));
        Assert.That((await Store.FindByIdempotencyKeyAsync("award-key", None))?.Id, Is.EqualTo(correction.Credential!.Id));
        Assert.That((await Store.FindByIdAsync(old.Id, None))!.IdempotencyKey, Is.Null);
        Assert.That(rerun.Outcome, Is.EqualTo(StoreOutcome.AlreadyIssued));
        Assert.That(rerun.Credential!.Id, Is.EqualTo(correction.Credential.Id));
    }

    [Test]
    public async Task InsertIssued_TwoCorrectionsOfOneCredentialInParallel_ExactlyOneWins()
    {
        var old = await IssueAsync("award-key");
        var corrections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewRecordAsync("award-key", supersedes: old.Id)));

        var results = await Task.WhenAll(corrections.Select(c => Task.Run(() => Store.InsertIssuedAsync(c, None))));

        Assert.That(results.Count(r => r.Outcome == StoreOutcome.Inserted), Is.EqualTo(1));
        Assert.That(results.Select(r => r.Outcome), Has.Exactly(3).Matches<StoreOutcome>(o => o is StoreOutcome.SupersedesUnavailable or StoreOutcome.AlreadyIssued));
        Assert.That(await Store.CountCredentialsAsync(None), Is.EqualTo(2));
    }

    [Test]
    public async Task InsertIssued_SupersedesUnknownOrAlreadySuperseded_ReturnsSupersedesUnavailable()
    {
        var old = await IssueAsync();
        await Store.InsertIssuedAsync(await NewRecordAsync(supersedes: old.Id), None);

        var unknown = await Store.InsertIssuedAsync(await NewRecordAsync(supersedes: "urn:uuid:nope"), None);
        var twice = await Store.InsertIssuedAsync(await NewRecordAsync(supersedes: old.Id), None);

        Assert.That(unknown.Outcome, Is.EqualTo(StoreOutcome.SupersedesUnavailable));
        Assert.That(twice.Outcome, Is.EqualTo(StoreOutcome.SupersedesUnavailable));
        Assert.That(await Store.CountCredentialsAsync(None), Is.EqualTo(2));
    }

    [Test]
    public async Task ListCredentials_Paging_NewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await IssueAsync()).Id);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var firstPage = await Store.ListCredentialsAsync(0, 2, None);
        var lastPage = await Store.ListCredentialsAsync(4, 2, None);

        Assert.That(firstPage.Select(c => c.Id), Is.EqualTo(new[] { ids[4], ids[3] }));
        Assert.That(lastPage.Select(c => c.Id), Is.EqualTo(new[] { ids[0] }));
        Assert.That(() => Store.ListCredentialsAsync(0, 0, None), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
