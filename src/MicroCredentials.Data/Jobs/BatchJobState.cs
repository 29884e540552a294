namespace MicroCredentials.Data.Jobs;

/// <summary>Where a batch job is in its life.</summary>
public enum BatchJobState
{
    /// <summary>Stored; no worker has started it yet.</summary>
    Queued,

    /// <summary>A worker is issuing its rows (or will resume them after a crash).</summary>
    Running,

    /// <summary>Every row is issued, already issued or rejected.</summary>
    Done,

    /// <summary>Cancelled: rows not yet issued stay unissued; what was issued stays issued.</summary>
    Cancelled,

    /// <summary>Its rows are still being stored (internal: never reported; workers do not see it).</summary>
    Storing,
}
