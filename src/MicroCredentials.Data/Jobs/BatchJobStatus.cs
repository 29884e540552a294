namespace MicroCredentials.Data.Jobs;

/// <summary>A batch job's progress, read from the database (so every host gives the same answer).</summary>
public sealed record BatchJobStatus
{
    /// <summary>The job's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its state.</summary>
    public required BatchJobState State { get; init; }

    /// <summary>Who created it.</summary>
    public required string Actor { get; init; }

    /// <summary>The uploaded file's name, when known.</summary>
    public string? FileName { get; init; }

    /// <summary>Data rows in the CSV (good and rejected).</summary>
    public required int Total { get; init; }

    /// <summary>Rows issued by this job.</summary>
    public required int Issued { get; init; }

    /// <summary>Rows whose award was issued before (by an earlier job or request).</summary>
    public required int AlreadyIssued { get; init; }

    /// <summary>Rows rejected (CSV errors included), each with its reason.</summary>
    public required int Rejected { get; init; }

    /// <summary>Rows not yet done (pending or being worked on).</summary>
    public required int Remaining { get; init; }

    /// <summary>When the job was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker first started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Rows done per second since the start (null until some are done).</summary>
    public double? RowsPerSecond { get; init; }

    /// <summary>Estimated time to finish at that rate (null when unknown or finished).</summary>
    public TimeSpan? Eta { get; init; }

    /// <summary>Rows done (issued, already issued or rejected).</summary>
    public int Done => Issued + AlreadyIssued + Rejected;
}
