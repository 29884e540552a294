namespace MicroCredentials.Data;

/// <summary>Where credentials are stored. Bind from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The default SQLite connection string: a file <c>data/microcredentials.db</c> relative to the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/microcredentials.db";

    /// <summary>Bitstring Status List length required by the specification (§4.1: at least 131,072 entries, 16 KiB).</summary>
    public const int DefaultStatusListSize = 131_072;

    /// <summary>The engine. The default is <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// An ADO.NET connection string for <see cref="Provider"/>. The default is
    /// <see cref="DefaultSqliteConnectionString"/>; PostgreSQL needs one such as
    /// <c>Host=db;Database=microcred;Username=issuer;Password=…</c>.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// Entries in each new status list. The default is <see cref="DefaultStatusListSize"/>; smaller values exist for
    /// tests only (a published list must be at least 131,072 entries). Must be a positive multiple of 8.
    /// </summary>
    public int StatusListSize { get; set; } = DefaultStatusListSize;

    /// <summary>Checks the options and throws on a misconfiguration.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, the connection string is empty or the list size is invalid.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Provider))
        {
            throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is empty.");
        }

        if (StatusListSize <= 0 || StatusListSize % 8 != 0)
        {
            throw new InvalidOperationException($"Storage:StatusListSize must be a positive multiple of 8, not {StatusListSize}.");
        }
    }
}
