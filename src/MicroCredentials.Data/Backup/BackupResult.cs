namespace MicroCredentials.Data.Backup;

/// <summary>What a backup holds.</summary>
/// <param name="OutFile">The backup file.</param>
/// <param name="Credentials">Credentials in the copied database.</param>
/// <param name="Bytes">Size of the backup file.</param>
/// <param name="Files">The archive's entries.</param>
/// <param name="PrivateKeysIncluded">True when the private keys are in it (encrypted).</param>
public sealed record BackupResult(string OutFile, long Credentials, long Bytes, IReadOnlyList<string> Files, bool PrivateKeysIncluded);
