namespace MicroCredentials.Data;

/// <summary>The database engine behind a <see cref="CredentialStore"/>.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file (the default: zero set-up, one host instance).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (several host instances sharing one database).</summary>
    Postgres,
}
