namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task AllocateStatus_SmallListFills_RollsOverToANewList()
    {
        await using var small = await CredentialStore.OpenAsync(Database.Options(statusListSize: 16), Time, None);

        var slots = new List<StatusSlot>();
        for (var i = 0; i < 40; i++)
        {
            slots.Add((await small.AllocateStatusAsync(None)).Revocation);
        }

        Assert.That(slots.Distinct().Count(), Is.EqualTo(40));
        Assert.That(slots.Select(s => s.Index), Is.All.InRange(0, 15));
        var lists = (await small.ListStatusListsAsync(None)).Where(l => l.Purpose == StatusPurpose.Revocation).ToList();
        Assert.That(lists, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(lists.Count(l => !l.IsFull), Is.EqualTo(1));
        Assert.That(lists.Where(l => l.IsFull).Select(l => slots.Count(s => s.ListId == l.Id)), Is.All.InRange(15, 16));
        Assert.That(slots.GroupBy(s => s.ListId).Select(g => g.Count()), Is.All.LessThanOrEqualTo(16));
    }

    [Test]
    public async Task AllocateStatusBatch_ManyAtOnce_DistinctAndEachUsableForAnInsert()
    {
        var batch = await Store.AllocateStatusBatchAsync(50, None);
        var again = await Store.AllocateStatusBatchAsync(50, None);

        var all = batch.Concat(again).ToList();
        Assert.That(all.Select(a => a.Revocation).Distinct().Count(), Is.EqualTo(100));
        Assert.That(all.Select(a => a.Suspension).Distinct().Count(), Is.EqualTo(100));
        var record = await NewRecordAsync() with { Status = batch[17] };
        Assert.That((await Store.InsertIssuedAsync(record, None)).Outcome, Is.EqualTo(StoreOutcome.Inserted));
        Assert.That(() => Store.AllocateStatusBatchAsync(0, None), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task AllocateStatus_ParallelHostsOnOneDatabase_NeverHandOutAnIndexTwice()
    {
        const int Hosts = 6;
        const int PerHost = 300;
        // Separate stores = separate connection pools and caches, as separate host instances would have.
        var hosts = await Task.WhenAll(Enumerable.Range(0, Hosts).Select(_ => CredentialStore.OpenAsync(Database.Options(statusListSize: 512), Time, None)));
        try
        {
            var perHost = await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
            {
                var mine = new List<StatusAllocation>();
                for (var i = 0; i < PerHost; i++)
                {
                    mine.Add(await host.AllocateStatusAsync(None));
                }

                return mine;
            })));

            var all = perHost.SelectMany(a => a).ToList();
            var revocation = all.Select(a => a.Revocation).ToList();
            var suspension = all.Select(a => a.Suspension).ToList();
            Assert.That(revocation.Distinct().Count(), Is.EqualTo(Hosts * PerHost));
            Assert.That(suspension.Distinct().Count(), Is.EqualTo(Hosts * PerHost));
            Assert.That(revocation.Concat(suspension).Select(s => s.Index), Is.All.InRange(0, 511));
            var lists = await Store.ListStatusListsAsync(None);
            Assert.That(lists.Count(l => l.Purpose == StatusPurpose.Revocation && !l.IsFull), Is.EqualTo(1));
            Assert.That(lists.Count(l => l.Purpose == StatusPurpose.Suspension && !l.IsFull), Is.EqualTo(1));
            Assert.That(revocation.GroupBy(s => s.ListId).Select(g => g.Count()), Is.All.LessThanOrEqualTo(512));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
