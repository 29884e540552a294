namespace MicroCredentials.Host;

/// <summary>Bounds of batch uploads (issue #14).</summary>
internal static partial class HostLimits
{
    /// <summary>
    /// Largest learners CSV stored as a batch job (128 MiB): a 100,000-row export is about 9 MB and the row bound
    /// (<see cref="CoreLimits.MaxLearnerCsvRows"/>) is reached near 90 MB. The upload is streamed into the job, so
    /// this bounds the database's work, not the host's memory.
    /// </summary>
    public const long BatchCsvMaxBytes = 128L * 1024 * 1024;
}
