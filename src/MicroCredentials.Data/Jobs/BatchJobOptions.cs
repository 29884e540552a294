namespace MicroCredentials.Data.Jobs;

/// <summary>How batch jobs are worked (host section <c>Jobs</c>; the CLI uses the defaults).</summary>
public sealed class BatchJobOptions
{
    /// <summary>CSV records read and stored per transaction while a job is stored: an upload holds about one such chunk in memory.</summary>
    public const int StoreChunkRows = 1_000;

    /// <summary>Credentials signed in parallel. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>Rows claimed, signed and written per transaction. Default 100.</summary>
    public int RowsPerCommit { get; set; } = 100;

    /// <summary>
    /// Chunks waiting between two pipeline stages (claim → sign → commit). Default 1: each stage then finds its next chunk
    /// ready while the others work. A run holds at most (2 + 2 × this) × <see cref="RowsPerCommit"/> claimed rows — the
    /// claim stage claims only when there is room. No status index is wasted: a row taken over after a crash keeps its
    /// slots, and a cancellation (or a row found rejected or already issued) gives the slots of rows without a
    /// credential back to the pool.
    /// </summary>
    public int ChunksInFlight { get; set; } = 1;

    /// <summary>
    /// How long a claim holds. A row claimed longer ago (its worker crashed or was stopped) is taken over by the next
    /// worker, with the status slots already reserved for it. Default 2 minutes: far longer than one chunk takes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle host looks for work another host stored. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the values.</summary>
    /// <exception cref="InvalidOperationException">A value is out of range.</exception>
    public void Validate()
    {
        if (Workers is < 1 or > 256)
        {
            throw new InvalidOperationException($"Jobs:Workers must be 1–256 (is {Workers}).");
        }

        if (RowsPerCommit is < 1 or > 1_000)
        {
            throw new InvalidOperationException($"Jobs:RowsPerCommit must be 1–1000 (is {RowsPerCommit}).");
        }

        if (ChunksInFlight is < 1 or > 16)
        {
            throw new InvalidOperationException($"Jobs:ChunksInFlight must be 1–16 (is {ChunksInFlight}).");
        }

        if (ClaimLease < TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Jobs:ClaimLease must not be negative and Jobs:PollInterval must be positive.");
        }
    }
}
