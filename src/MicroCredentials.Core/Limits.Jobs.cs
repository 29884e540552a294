namespace MicroCredentials;

/// <summary>Bounds on a learners CSV read as a stream for a batch job (issue #14).</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Longest CSV record, in characters: a learner row is a few hundred; a longer one is an unclosed quote or not a
    /// learners file, and would otherwise be held whole in memory.
    /// </summary>
    public const int MaxLearnerCsvRecordChars = 64 * 1024;

    /// <summary>
    /// Most data rows in one learners CSV: a year's graduates of a large university are well under it; a job's rows are
    /// all stored, and a 16-byte digest of each is held while reading to report repeated awards (16 MB at the bound).
    /// </summary>
    public const int MaxLearnerCsvRows = 1_000_000;
}
