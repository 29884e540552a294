namespace MicroCredentials.Data.Backup;

/// <summary>What <see cref="SqliteBackup.CreateAsync"/> copies.</summary>
public sealed record BackupRequest
{
    /// <summary>The live SQLite database file.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The backup file to write (a zip archive; refused when it exists).</summary>
    public required string OutFile { get; init; }

    /// <summary>
    /// The download-link secret file; default <c>download-link.secret</c> beside the database (where the host and CLI
    /// keep it). Skipped when absent (then the secret comes from configuration, which the operator backs up).
    /// </summary>
    public string? DownloadLinkSecretPath { get; init; }

    /// <summary>The key folder: its public files (key history, seal certificate) are always copied. Default none.</summary>
    public string? KeysFolder { get; init; }

    /// <summary>
    /// When set, the key folder's private keys are copied too, encrypted with this passphrase (AES-256-GCM, key from
    /// PBKDF2-SHA256); default null: never a private key in the backup.
    /// </summary>
    public string? PrivateKeysPassphrase { get; init; }
}
