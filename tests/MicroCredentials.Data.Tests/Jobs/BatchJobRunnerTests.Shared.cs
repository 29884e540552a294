using MicroCredentials.Data.Jobs;

namespace MicroCredentials.Data.Tests.Jobs;

public sealed partial class BatchJobRunnerTests
{
    [Test]
    public async Task Run_TwoStoresWorkOneJobAtOnce_EveryRowIssuedExactlyOnce()
    {
        // Two stores = two connection pools, as two hosts have; on PostgreSQL they claim with FOR UPDATE SKIP LOCKED.
        var a = await NewServiceAsync();
        var b = await NewServiceAsync();
        var jobId = await a.Store.CreateBatchJobAsync(Learners(300), "test", null, CancellationToken.None);

        var runs = await Task.WhenAll(
            Task.Run(() => Runner(a, rowsPerCommit: 10).RunAsync(jobId, Catalog, null, CancellationToken.None)),
            Task.Run(() => Runner(b, rowsPerCommit: 10).RunAsync(jobId, Catalog, null, CancellationToken.None)));

        var done = await a.Store.GetBatchJobAsync(jobId, CancellationToken.None);
        Assert.That(done!.State, Is.EqualTo(BatchJobState.Done));
        Assert.That((done.Issued, done.AlreadyIssued, done.Remaining), Is.EqualTo((300, 0, 0)));
        Assert.That(await a.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(300));
        Assert.That(await a.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero);
        Assert.That(runs, Has.All.Not.Null);
    }
}
