namespace MicroCredentials.Data.Jobs;

/// <summary>What writing a chunk of job rows did.</summary>
internal enum ChunkWrite
{
    /// <summary>Every row was written.</summary>
    Written,

    /// <summary>Nothing was written: a unique key collided or a row's claim was taken over (write row by row).</summary>
    Conflict,

    /// <summary>Nothing was written: the job is no longer running (cancelled); stop.</summary>
    JobStopped,
}
