using System.Security.Cryptography;
using System.Threading.Channels;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Issuance;

namespace MicroCredentials.Data.Jobs;

/// <summary>
/// Works a stored batch job to its end, shared by the host's background worker and the CLI, as a pipeline of three
/// stages joined by bounded channels (<see cref="BatchJobOptions.ChunksInFlight"/> chunks between stages), so claiming,
/// signing and committing overlap:
/// <list type="number">
/// <item>claim: a chunk of rows (<see cref="BatchJobOptions.RowsPerCommit"/>) with their status slots, in one
/// transaction; look up which awards were issued before (one query); save each catalogue entry once per run;</item>
/// <item>sign: build and sign the chunk's credentials in parallel (<see cref="BatchJobOptions.Workers"/> threads);</item>
/// <item>commit: write the chunk — learners, credentials, status claims, audit entries, row results — in one transaction.</item>
/// </list>
/// A crash anywhere leaves each row either done (with its credential) or claimed; a claimed row is taken over when its
/// claim expires (<see cref="BatchJobOptions.ClaimLease"/>) with the slots it already holds, and a run that is stopped
/// (cancelled) hands its unwritten claims back at once. A row is written only by the worker that holds its claim and
/// only if its award is not stored yet, so nothing is issued twice. Several runners (hosts) can work one job at once:
/// they claim different rows.
/// </summary>
public sealed class BatchJobRunner
{
    private readonly IssuanceService _issuance;
    private readonly BatchJobOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="issuance">The issuance service (its store holds the jobs).</param>
    /// <param name="options">Workers, chunk size and claim lease.</param>
    public BatchJobRunner(IssuanceService issuance, BatchJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(issuance);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _issuance = issuance;
        _options = options;
    }

    /// <summary>This runner's claim name (random per instance).</summary>
    public string WorkerId { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Runs the job until no row is left to claim, then marks it done. Returns at once for a finished or cancelled
    /// job. Cancelling <paramref name="cancellationToken"/> stops between steps: what was written stays written, rows
    /// in hand are handed back (pending again, with their status slots) for the next run.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="catalog">The catalogue the rows are issued from.</param>
    /// <param name="progress">Told after every committed chunk (counts of this runner's view), on the commit stage.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The job's status at the end, or null for an unknown job.</returns>
    public async Task<BatchJobStatus?> RunAsync(string jobId, MicroCredentialCatalog catalog, IProgress<BatchJobStatus>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentNullException.ThrowIfNull(catalog);
        var store = _issuance.Store;
        if (await store.GetBatchJobAsync(jobId, cancellationToken) is not { } status)
        {
            return null;
        }

        if (!await store.StartBatchJobAsync(jobId, cancellationToken))
        {
            return await store.GetBatchJobAsync(jobId, cancellationToken);
        }

        status = await store.GetBatchJobAsync(jobId, cancellationToken) ?? status;
        progress?.Report(status);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var jobStopped = false;
        var channel = new BoundedChannelOptions(_options.ChunksInFlight) { SingleReader = true, SingleWriter = true };
        var claimed = Channel.CreateBounded<ClaimedChunk>(channel);
        var signed = Channel.CreateBounded<JobRowOutcome[]>(channel);
        var stages = new[]
        {
            Stage(() => ClaimAsync(jobId, catalog, status.Actor, claimed.Writer, stop.Token), e => claimed.Writer.TryComplete(e), stop),
            Stage(() => SignAsync(catalog, status.Actor, claimed.Reader, signed.Writer, stop.Token), e => signed.Writer.TryComplete(e), stop),
            Stage(async () =>
            {
                (status, jobStopped) = await CommitAsync(jobId, status, signed.Reader, progress, stop.Token);
                if (jobStopped)
                {
                    await stop.CancelAsync(); // the other stages stop too (the signing stage may be waiting to hand on a chunk)
                }
            }, null, stop),
        };
        try
        {
            await Task.WhenAll(stages);
        }
        catch (OperationCanceledException) when (jobStopped && !cancellationToken.IsCancellationRequested)
        {
            // The job was cancelled under this run: hand back what it held, and report the job as it is.
            await store.ReleaseBatchClaimsAsync(jobId, WorkerId, CancellationToken.None);
        }
        catch
        {
            // Stopped or failed: the rows this run claimed but did not write go back to pending (slots kept) at once.
            await store.ReleaseBatchClaimsAsync(jobId, WorkerId, CancellationToken.None);
            throw;
        }

        await store.FinishBatchJobAsync(jobId, cancellationToken);
        var final = await store.GetBatchJobAsync(jobId, cancellationToken);
        if (final is not null)
        {
            progress?.Report(final);
        }

        return final;
    }

    /// <summary>
    /// Finishes a job whose run was killed or stopped: first takes over every claim on it at once — a killed process's
    /// rows would otherwise wait out <see cref="BatchJobOptions.ClaimLease"/> — then runs it (<see cref="RunAsync"/>).
    /// Taking over a claim another live worker holds costs that worker its chunk, never a duplicate: a row is written
    /// only under its current claim and only if its award is not stored yet.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="catalog">The catalogue the rows are issued from.</param>
    /// <param name="progress">Told after every committed chunk.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The job's status at the end, or null for an unknown job.</returns>
    public async Task<BatchJobStatus?> ResumeAsync(string jobId, MicroCredentialCatalog catalog, IProgress<BatchJobStatus>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await _issuance.Store.ReleaseBatchClaimsAsync(jobId, workerId: null, cancellationToken);
        return await RunAsync(jobId, catalog, progress, cancellationToken);
    }

    // Runs a stage on the thread pool; when it ends its output channel is completed, and when it fails the others stop.
    private static Task Stage(Func<Task> run, Action<Exception?>? complete, CancellationTokenSource stop) => Task.Run(async () =>
    {
        try
        {
            await run();
            complete?.Invoke(null);
        }
        catch (Exception error)
        {
            complete?.Invoke(error);
            await stop.CancelAsync();
            throw;
        }
    });

    private async Task ClaimAsync(string jobId, MicroCredentialCatalog catalog, string actor, ChannelWriter<ClaimedChunk> output,
        CancellationToken cancellationToken)
    {
        var store = _issuance.Store;
        var catalogueProblems = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Claim only when the signing stage has room: rows claimed (and their status slots reserved) wait as little as
        // possible, so a cancellation leaves few reserved slots unused.
        while (await output.WaitToWriteAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await store.ClaimBatchRowsAsync(jobId, WorkerId, _options.RowsPerCommit, _options.ClaimLease, cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            foreach (var code in rows.Select(c => c.Row.Code).Distinct(StringComparer.Ordinal).Where(c => !catalogueProblems.ContainsKey(c)).ToList())
            {
                catalogueProblems[code] = await _issuance.SaveCatalogueForJobAsync(catalog, code, actor, cancellationToken);
            }

            var keys = rows.Select(c => IdempotencyKey.For(c.Row)).ToList();
            var existing = await store.FindIdsByIdempotencyKeysAsync(keys, cancellationToken);
            var chunk = rows.Select((row, i) => new ClaimedChunkRow(row, existing.GetValueOrDefault(keys[i]),
                catalogueProblems.GetValueOrDefault(row.Row.Code))).ToArray();
            await output.WriteAsync(new ClaimedChunk(chunk), cancellationToken);
        }
    }

    private async Task SignAsync(MicroCredentialCatalog catalog, string actor, ChannelReader<ClaimedChunk> input, ChannelWriter<JobRowOutcome[]> output,
        CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Workers, CancellationToken = cancellationToken };
        await foreach (var chunk in input.ReadAllAsync(cancellationToken))
        {
            var rows = chunk.Rows;
            var outcomes = new JobRowOutcome[rows.Count];
            using (_issuance.Options.ActivitySource?.StartActivity("batch.chunk.sign"))
            {
                Parallel.For(0, rows.Count, parallel, i =>
                    outcomes[i] = _issuance.PrepareJobRow(catalog, rows[i].Claimed, actor, rows[i].ExistingCredentialId, rows[i].CatalogueProblem));
            }

            await output.WriteAsync(outcomes, cancellationToken);
        }
    }

    private async Task<(BatchJobStatus Status, bool JobStopped)> CommitAsync(string jobId, BatchJobStatus status, ChannelReader<JobRowOutcome[]> input,
        IProgress<BatchJobStatus>? progress, CancellationToken cancellationToken)
    {
        await foreach (var outcomes in input.ReadAllAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var span = _issuance.Options.ActivitySource?.StartActivity("batch.chunk.commit");
            var written = outcomes.ToList();
            var write = await _issuance.Store.WriteBatchRowsAsync(jobId, WorkerId, outcomes, cancellationToken);
            if (write == ChunkWrite.JobStopped)
            {
                return (status, true); // cancelled: the rows in hand are handed back by the caller and never issued
            }

            if (write == ChunkWrite.Conflict)
            {
                // A collision or a lost claim in the chunk: write row by row; a row another worker took over is its business.
                written = [];
                foreach (var outcome in outcomes)
                {
                    if (await WriteOneAsync(jobId, outcome, cancellationToken))
                    {
                        written.Add(outcome);
                    }
                }
            }

            ReportIssued(written);
            status = status with
            {
                Issued = status.Issued + written.Count(o => o.State == JobRowStates.Issued),
                AlreadyIssued = status.AlreadyIssued + written.Count(o => o.State == JobRowStates.AlreadyIssued),
                Rejected = status.Rejected + written.Count(o => o.State == JobRowStates.Rejected),
                Remaining = Math.Max(0, status.Remaining - written.Count),
            };
            progress?.Report(status);
        }

        return (status, false);
    }

    // The telemetry hook: told the achievement id of each credential written.
    private void ReportIssued(List<JobRowOutcome> written)
    {
        if (_issuance.Options.Issued is { } issued)
        {
            foreach (var record in written.Where(o => o.State == JobRowStates.Issued && o.Record is not null).Select(o => o.Record!))
            {
                issued(record.AchievementId);
            }
        }
    }

    private sealed record ClaimedChunk(IReadOnlyList<ClaimedChunkRow> Rows);

    private sealed record ClaimedChunkRow(ClaimedJobRow Claimed, string? ExistingCredentialId, string? CatalogueProblem);

    /// <summary>
    /// Runs the oldest job that has work to hand (see <see cref="RunAsync"/>). Returns its id, or null when no job has
    /// a row to claim now — the caller then waits before asking again.
    /// </summary>
    /// <param name="catalog">The catalogue the rows are issued from.</param>
    /// <param name="cancellationToken">Stops the run (rows in hand are taken over later).</param>
    public Task<string?> RunNextAsync(MicroCredentialCatalog catalog, CancellationToken cancellationToken) => RunNextAsync(catalog, null, cancellationToken);

    /// <summary>Runs the oldest job that has work to hand, telling <paramref name="progress"/> after every committed chunk.</summary>
    /// <param name="catalog">The catalogue the rows are issued from.</param>
    /// <param name="progress">Told the job's status as it starts, after every chunk and at its end (the host's telemetry listens).</param>
    /// <param name="cancellationToken">Stops the run (rows in hand are taken over later).</param>
    public async Task<string?> RunNextAsync(MicroCredentialCatalog catalog, IProgress<BatchJobStatus>? progress, CancellationToken cancellationToken)
    {
        if (await _issuance.Store.NextBatchJobAsync(cancellationToken) is not { } jobId)
        {
            return null;
        }

        await RunAsync(jobId, catalog, progress, cancellationToken);
        return jobId;
    }

    // Random handles or short codes collided (rare): draw new ones a few times. An issued-meanwhile award is found by the store.
    private async Task<bool> WriteOneAsync(string jobId, JobRowOutcome outcome, CancellationToken cancellationToken)
    {
        const int attempts = 5;
        var current = outcome;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var write = await _issuance.Store.WriteBatchRowAsync(jobId, WorkerId, current, cancellationToken);
            if (write != ChunkWrite.Conflict)
            {
                return write == ChunkWrite.Written;
            }

            if (current.Record is null)
            {
                return false;
            }

            current = current with { Record = current.Record with { Handle = CredentialHandles.NewHandle(), ShortCode = CredentialHandles.NewShortCode() } };
        }

        return false;
    }
}
