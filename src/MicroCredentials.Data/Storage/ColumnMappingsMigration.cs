namespace MicroCredentials.Data.Storage;

/// <summary>
/// Schema step 10: the column mapping each staff member last issued with, per spreadsheet header (its SHA-256), so the
/// next upload of the same export is mapped at once.
/// </summary>
internal static class ColumnMappingsMigration
{
    /// <summary>The SQL of the step.</summary>
    public static string Sql(string timestamp) => $"""
        CREATE TABLE staff_column_mappings (
            actor TEXT NOT NULL,
            header_key TEXT NOT NULL,
            mapping TEXT NOT NULL,
            updated_at {timestamp} NOT NULL,
            PRIMARY KEY (actor, header_key));
        """;
}
