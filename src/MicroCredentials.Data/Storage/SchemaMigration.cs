namespace MicroCredentials.Data.Storage;

/// <summary>One schema step, written once per dialect.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sqlite, string Postgres);
