using System.Data.Common;

namespace MicroCredentials.Data.Storage;

/// <summary>
/// One schema step, written once per dialect; <paramref name="Backfill"/>, when given, runs after the SQL in the same
/// transaction (for values only code can compute from the stored rows).
/// </summary>
internal sealed record SchemaMigration(int Version, string Description, string Sqlite, string Postgres,
    Func<DbConnection, DbTransaction, CancellationToken, Task>? Backfill = null);
