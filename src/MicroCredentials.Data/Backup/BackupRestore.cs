using System.IO.Compression;
using System.Text.Json.Nodes;

namespace MicroCredentials.Data.Backup;

/// <summary>
/// <c>microcred restore</c>: puts a backup made by <see cref="SqliteBackup"/> back — the database file, the download-link
/// secret beside it, the key folder's public files and (with the passphrase) its private keys. Refuses to overwrite any
/// existing file unless asked; every expected failure is a <see cref="RestoreResult"/>, and nothing is written then.
/// </summary>
public static class BackupRestore
{
    /// <summary>Restores a backup.</summary>
    /// <param name="backupFile">The backup (zip) file.</param>
    /// <param name="databasePath">Where the database goes; the secret goes beside it.</param>
    /// <param name="keysFolder">Where the key files go; null to leave keys alone.</param>
    /// <param name="passphrase">Opens the encrypted private keys; null to restore only the public key files.</param>
    /// <param name="force">Overwrite existing files.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task<RestoreResult> RestoreAsync(string backupFile, string databasePath, string? keysFolder, string? passphrase, bool force,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(backupFile), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            return Fail(RestoreOutcome.NotABackup, $"{backupFile} is not a backup (not a zip archive): {e.Message}");
        }

        using (zip)
        {
            if (zip.Entries.Count > BackupArchive.MaxEntries || zip.Entries.Any(e => e.Length > BackupArchive.MaxEntryBytes))
            {
                return Fail(RestoreOutcome.NotABackup, $"{backupFile} has more than {BackupArchive.MaxEntries} entries or an entry over {BackupArchive.MaxEntryBytes} bytes: not a backup of this program.");
            }

            if (await ReadManifestAsync(zip, cancellationToken) is not { } manifest || (string?)manifest["format"] != BackupArchive.Format
                || zip.GetEntry(BackupArchive.Database) is not { } database)
            {
                return Fail(RestoreOutcome.NotABackup, $"{backupFile} is not a backup made by 'microcred backup' (no {BackupArchive.Manifest} of format {BackupArchive.Format}).");
            }

            // Decrypt first: a wrong passphrase must leave everything untouched.
            byte[]? privateKeys = null;
            if (keysFolder is not null && passphrase is not null && zip.GetEntry(BackupArchive.EncryptedKeys) is { } encrypted)
            {
                if (encrypted.Length > BackupArchive.MaxEncryptedKeysBytes)
                {
                    return Fail(RestoreOutcome.NotABackup, $"The encrypted keys are larger than {BackupArchive.MaxEncryptedKeysBytes} bytes: not a backup of this program.");
                }

                using var buffer = new MemoryStream();
                await using (var input = await encrypted.OpenAsync(cancellationToken))
                {
                    await input.CopyToAsync(buffer, cancellationToken);
                }

                privateKeys = BackupArchive.TryDecrypt(buffer.ToArray(), passphrase);
                if (privateKeys is null)
                {
                    return Fail(RestoreOutcome.WrongPassphrase, "The passphrase does not open the backup's private keys. Nothing was written.");
                }
            }

            var targets = new List<(string Path, Func<Stream, Task> Write)>();
            var db = Path.GetFullPath(databasePath);
            targets.Add((db, output => CopyEntryAsync(database, output, cancellationToken)));
            if (zip.GetEntry(BackupArchive.DownloadLinkSecret) is { } secret)
            {
                targets.Add((Path.Combine(Path.GetDirectoryName(db)!, BackupArchive.DownloadLinkSecret), output => CopyEntryAsync(secret, output, cancellationToken)));
            }

            if (keysFolder is not null)
            {
                var keys = Path.GetFullPath(keysFolder);
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(BackupArchive.PublicKeys, StringComparison.Ordinal)
                    && SqliteBackup.PublicKeyFiles.Contains(e.FullName[BackupArchive.PublicKeys.Length..])))
                {
                    targets.Add((Path.Combine(keys, entry.FullName[BackupArchive.PublicKeys.Length..]), output => CopyEntryAsync(entry, output, cancellationToken)));
                }

                if (privateKeys is not null && PrivateTargets(privateKeys, keys) is { } inner)
                {
                    targets.AddRange(inner);
                }
                else if (privateKeys is not null)
                {
                    return Fail(RestoreOutcome.NotABackup, "The backup's private keys name a file outside the key folder. Nothing was written.");
                }
            }

            var existing = targets.Select(t => t.Path).Concat([db + "-wal", db + "-shm"]).Where(File.Exists).Distinct().ToList();
            if (existing.Count > 0 && !force)
            {
                return Fail(RestoreOutcome.WouldOverwrite, $"Refusing to overwrite {string.Join(", ", existing)}: restore into a fresh folder, or pass --force to replace them.");
            }

            foreach (var stale in new[] { db + "-wal", db + "-shm" }.Where(File.Exists))
            {
                File.Delete(stale);
            }

            foreach (var (path, write) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using var output = new FileStream(path, options);
                await write(output);
            }

            var note = zip.GetEntry(BackupArchive.EncryptedKeys) is not null && privateKeys is null
                ? " The backup's private keys were not restored (give the key folder and the passphrase to restore them)."
                : string.Empty;
            return new RestoreResult(RestoreOutcome.Restored, $"Restored {(long?)manifest["credentials"]} credentials into {db}.{note}", [.. targets.Select(t => t.Path)]);
        }
    }

    private static List<(string Path, Func<Stream, Task> Write)>? PrivateTargets(byte[] privateKeys, string keys)
    {
        var targets = new List<(string, Func<Stream, Task>)>();
        using var inner = new ZipArchive(new MemoryStream(privateKeys), ZipArchiveMode.Read);
        foreach (var entry in inner.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')))
        {
            var path = Path.GetFullPath(Path.Combine(keys, entry.FullName));
            if (!path.StartsWith(keys + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var input = entry.Open())
            {
                input.CopyTo(buffer);
            }

            var bytes = buffer.ToArray();
            targets.Add((path, output => output.WriteAsync(bytes).AsTask()));
        }

        return targets;
    }

    private static async Task<JsonObject?> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(BackupArchive.Manifest) is not { Length: < 1024 * 1024 } entry)
        {
            return null;
        }

        await using var input = await entry.OpenAsync(cancellationToken);
        try
        {
            return await JsonNode.ParseAsync(input, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task CopyEntryAsync(ZipArchiveEntry entry, Stream output, CancellationToken cancellationToken)
    {
        await using var input = await entry.OpenAsync(cancellationToken);
        await input.CopyToAsync(output, cancellationToken);
    }

    private static RestoreResult Fail(RestoreOutcome outcome, string message) => new(outcome, message, []);
}
