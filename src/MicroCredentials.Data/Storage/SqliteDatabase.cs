using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MicroCredentials.Data.Storage;

/// <summary>
/// SQLite: a file in WAL mode (readers never block the writer), foreign keys on, and a busy timeout so concurrent
/// writers (threads or processes) wait for the write lock instead of failing.
/// </summary>
internal sealed class SqliteDatabase : Database
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (https://sqlite.org/rescode.html).
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    private readonly string connectionString;
    private readonly bool inMemory;

    // A shared-cache in-memory database lives only while a connection is open; this one keeps it alive.
    private SqliteConnection? keepAlive;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (builder.DataSource == ":memory:")
        {
            throw new InvalidOperationException(
                "A private ':memory:' SQLite database vanishes between connections; use 'Data Source=<name>;Mode=Memory;Cache=Shared'.");
        }

        if (!inMemory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var file = Path.GetFullPath(builder.DataSource);
            var folder = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(folder))
            {
                DataLocation.CreatePrivateFolder(folder);
            }

            CreatePrivateFile(file);
        }

        this.connectionString = builder.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    // Learners' names and e-mail hashes live here: the file is the owner's only (0600). SQLite gives its -wal and -shm
    // files the database file's mode, so creating the file first covers them too.
    private static void CreatePrivateFile(string file)
    {
        if (OperatingSystem.IsWindows() || File.Exists(file))
        {
            return;
        }

        try
        {
            using var created = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first.
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    public override async Task MigrateAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (inMemory)
        {
            keepAlive = (SqliteConnection)await OpenAsync(cancellationToken);
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (!inMemory)
        {
            // WAL is a property of the file: set once, it persists for every later connection.
            await using var wal = connection.Sql("PRAGMA journal_mode = WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE: a second process starting at the same moment waits here, then sees the schema done.
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await ApplyMigrationsAsync(
            connection, transaction, SchemaMigrations.CreateVersionTableSqlite, m => m.Sqlite, timeProvider, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        // Release pooled handles so the file can be moved or deleted once the store is gone.
        await using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (keepAlive is not null)
        {
            await keepAlive.DisposeAsync();
        }
    }
}
