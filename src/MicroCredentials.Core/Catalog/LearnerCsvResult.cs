namespace MicroCredentials.Catalog;

/// <summary>The good rows of a learners CSV and every rejected row with its reason.</summary>
public sealed record LearnerCsvResult
{
    /// <summary>Rows that passed every check, in file order.</summary>
    public IReadOnlyList<LearnerRow> Rows { get; init; } = [];

    /// <summary>Problems, one per rejected row or file-level error.</summary>
    public IReadOnlyList<LearnerRowError> Errors { get; init; } = [];
}
