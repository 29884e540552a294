using MicroCredentials.Status;

namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task Revoke_Active_SetsBitBumpsVersionAndCannotBeUndone()
    {
        var issued = await IssueAsync();
        var listId = issued.Status.Revocation.ListId;
        var before = await Store.GetStatusListInfoAsync(listId, None);
        Time.Advance(TimeSpan.FromHours(1));

        var revoked = await Store.RevokeAsync(issued.Id, "grade corrected by the exam board", "staff:jdv", None);

        Assert.That(revoked, Is.EqualTo(StatusChangeOutcome.Changed));
        var reread = await Store.FindByIdAsync(issued.Id, None);
        Assert.That(reread!.RevokedAt, Is.EqualTo(Start.AddHours(1)));
        Assert.That(reread.RevocationReason, Is.EqualTo("grade corrected by the exam board"));
        var list = await Store.GetStatusListAsync(listId, None);
        Assert.That(list!.SetIndexes, Is.EqualTo(new[] { issued.Status.Revocation.Index }));
        Assert.That(list.Info.Version, Is.EqualTo(before!.Version + 1));
        Assert.That(list.Info.UpdatedAt, Is.EqualTo(Start.AddHours(1)));

        Assert.That(await Store.RevokeAsync(issued.Id, "again", "staff:jdv", None), Is.EqualTo(StatusChangeOutcome.Unchanged));
        Assert.That(await Store.SuspendAsync(issued.Id, "x", "staff:jdv", None), Is.EqualTo(StatusChangeOutcome.AlreadyRevoked));
        Assert.That(await Store.UnsuspendAsync(issued.Id, "x", "staff:jdv", None), Is.EqualTo(StatusChangeOutcome.AlreadyRevoked));
        Assert.That((await Store.FindByIdAsync(issued.Id, None))!.IsRevoked, Is.True);
        Assert.That((await Store.GetStatusListInfoAsync(listId, None))!.Version, Is.EqualTo(before.Version + 1));
    }

    [Test]
    public async Task Revoke_ConcurrentRequests_ExactlyOneChanges()
    {
        var issued = await IssueAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.RevokeAsync(issued.Id, $"reason {i}", "staff", None))));

        Assert.That(outcomes.Count(o => o == StatusChangeOutcome.Changed), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o == StatusChangeOutcome.Unchanged), Is.EqualTo(5));
        Assert.That((await Store.QueryAuditAsync(issued.Id, 0, 100, None)).Count(e => e.Action == AuditAction.Revoke), Is.EqualTo(1));
    }

    [Test]
    public async Task Revoke_UnknownCredential_ReturnsNotFound()
    {
        Assert.That(await Store.RevokeAsync("urn:uuid:unknown", "r", "staff", None), Is.EqualTo(StatusChangeOutcome.NotFound));
        Assert.That(await Store.SuspendAsync("urn:uuid:unknown", "r", "staff", None), Is.EqualTo(StatusChangeOutcome.NotFound));
    }

    [Test]
    public async Task SuspendThenUnsuspend_RoundTrip_TogglesTheSuspensionBit()
    {
        var issued = await IssueAsync();
        var slot = issued.Status.Suspension;

        Assert.That(await Store.SuspendAsync(issued.Id, "under investigation", "staff", None), Is.EqualTo(StatusChangeOutcome.Changed));
        Assert.That(await Store.SuspendAsync(issued.Id, "twice", "staff", None), Is.EqualTo(StatusChangeOutcome.Unchanged));
        Assert.That((await Store.FindByIdAsync(issued.Id, None))!.IsSuspended, Is.True);
        Assert.That((await Store.GetStatusListAsync(slot.ListId, None))!.SetIndexes, Is.EqualTo(new[] { slot.Index }));

        Assert.That(await Store.UnsuspendAsync(issued.Id, "cleared", "staff", None), Is.EqualTo(StatusChangeOutcome.Changed));
        Assert.That(await Store.UnsuspendAsync(issued.Id, "twice", "staff", None), Is.EqualTo(StatusChangeOutcome.Unchanged));
        Assert.That((await Store.FindByIdAsync(issued.Id, None))!.IsSuspended, Is.False);
        var list = await Store.GetStatusListAsync(slot.ListId, None);
        Assert.That(list!.SetIndexes, Is.Empty);
        Assert.That(list.Info.Version, Is.EqualTo(3));
        Assert.That(list.Info.Purpose, Is.EqualTo(StatusPurpose.Suspension));
        // Suspension never touches the revocation list.
        Assert.That((await Store.GetStatusListAsync(issued.Status.Revocation.ListId, None))!.SetIndexes, Is.Empty);
    }

    [Test]
    public async Task GetStatusList_AfterRevocations_EncodesBitsMostSignificantFirst()
    {
        var revokedIndexes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var issued = await IssueAsync();
            if (i % 2 == 0)
            {
                await Store.RevokeAsync(issued.Id, "test", "staff", None);
                revokedIndexes.Add(issued.Status.Revocation.Index);
            }
        }

        var list = (await Store.ListStatusListsAsync(None)).Single(l => l.Purpose == StatusPurpose.Revocation);
        var snapshot = await Store.GetStatusListAsync(list.Id, None);
        var bits = snapshot!.ToBitstring();

        Assert.That(snapshot.SetIndexes, Is.EqualTo(revokedIndexes.Order()));
        Assert.That(bits.Length, Is.EqualTo(131_072));
        Assert.That(bits.SetIndexes(), Is.EqualTo(revokedIndexes.Order()));
        Assert.That(Bitstring.Decode(bits.Encode()).Bitstring!.SetIndexes(), Is.EqualTo(revokedIndexes.Order()));
        Assert.That(await Store.GetStatusListAsync(999_999, None), Is.Null);
    }

    [Test]
    public async Task GetSuspensionRecord_SuspendedCredentials_SetAtTheirRevocationIndexesOnly()
    {
        var suspended = await IssueAsync();
        var revoked = await IssueAsync();
        var plain = await IssueAsync();
        var listId = suspended.Status.Revocation.ListId;
        await Store.SuspendAsync(suspended.Id, "check", "staff", None);
        await Store.RevokeAsync(revoked.Id, "gone", "staff", None);

        var record = await Store.GetSuspensionRecordAsync(listId, None);

        Assert.That(record!.SetIndexes, Is.EqualTo(new[] { suspended.Status.Revocation.Index }));
        Assert.That(record.Info.Purpose, Is.EqualTo(StatusPurpose.Suspension));
        Assert.That(record.Info.Size, Is.EqualTo((await Store.GetStatusListInfoAsync(listId, None))!.Size));
        Assert.That(plain.Status.Revocation.ListId, Is.EqualTo(listId));
        Assert.That(await Store.GetSuspensionRecordAsync(suspended.Status.Suspension.ListId, None), Is.Null, "only revocation lists have a record");
        Assert.That(await Store.GetSuspensionRecordAsync(9_999, None), Is.Null);
    }
}
