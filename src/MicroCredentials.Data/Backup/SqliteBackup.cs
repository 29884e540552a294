using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace MicroCredentials.Data.Backup;

/// <summary>
/// <c>microcred backup</c>: a consistent copy of a live SQLite database (SQLite's online backup API, so the host keeps
/// serving and writing while it runs) packed with what is needed to keep verifying and issuing:
/// <list type="number">
/// <item>copy the database page by page into a temporary file (one read transaction: a single consistent moment);</item>
/// <item>check the copy (<c>PRAGMA integrity_check</c>) and count its credentials;</item>
/// <item>write a zip: the copy, the download-link secret, the key folder's public files (key history, seal certificate),
/// the private keys only when a passphrase is given (encrypted, <see cref="BackupArchive"/>), and a manifest.</item>
/// </list>
/// </summary>
public static class SqliteBackup
{
    /// <summary>The key folder's files that hold no secret.</summary>
    public static readonly IReadOnlyList<string> PublicKeyFiles = ["key-history.json", "seal-cert.pem"];

    /// <summary>The key folder's private files (with every retired generation's under <c>retired/</c>).</summary>
    public static readonly IReadOnlyList<string> PrivateKeyFiles = ["ed25519.pem", "es256.pem", "rs256.pem", "seal.p12"];

    /// <summary>Makes the backup.</summary>
    /// <param name="request">What to copy and where.</param>
    /// <param name="time">The clock for the manifest.</param>
    /// <param name="cancellationToken">Cancels it (the partial file is removed).</param>
    /// <exception cref="FileNotFoundException">The database does not exist.</exception>
    /// <exception cref="IOException">The backup file exists already.</exception>
    public static async Task<BackupResult> CreateAsync(BackupRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var database = Path.GetFullPath(request.DatabasePath);
        if (!File.Exists(database))
        {
            throw new FileNotFoundException($"No database at {database}.", database);
        }

        var outFile = Path.GetFullPath(request.OutFile);
        if (File.Exists(outFile))
        {
            throw new IOException($"{outFile} exists already; choose another file name (a backup never overwrites one).");
        }

        var work = Directory.CreateTempSubdirectory("microcred-backup-").FullName;
        try
        {
            var copy = Path.Combine(work, BackupArchive.Database);
            var credentials = await CopyAsync(database, copy, cancellationToken);
            var files = new List<string>();
            var partial = outFile + ".partial";
            var privateIncluded = false;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // The archive holds the learners' names and the download-link secret: the owner's only.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(partial, options))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await AddFileAsync(zip, copy, BackupArchive.Database, files, cancellationToken);
                var secret = request.DownloadLinkSecretPath ?? Path.Combine(Path.GetDirectoryName(database)!, BackupArchive.DownloadLinkSecret);
                if (File.Exists(secret))
                {
                    await AddFileAsync(zip, secret, BackupArchive.DownloadLinkSecret, files, cancellationToken);
                }

                if (request.KeysFolder is { } keys)
                {
                    foreach (var name in PublicKeyFiles.Where(n => File.Exists(Path.Combine(keys, n))))
                    {
                        await AddFileAsync(zip, Path.Combine(keys, name), BackupArchive.PublicKeys + name, files, cancellationToken);
                    }

                    if (request.PrivateKeysPassphrase is { Length: > 0 } passphrase)
                    {
                        var entry = zip.CreateEntry(BackupArchive.EncryptedKeys, CompressionLevel.NoCompression);
                        await using var output = await entry.OpenAsync(cancellationToken);
                        await output.WriteAsync(BackupArchive.Encrypt(ZipKeyFolder(keys), passphrase), cancellationToken);
                        files.Add(BackupArchive.EncryptedKeys);
                        privateIncluded = true;
                    }
                }

                var manifest = new JsonObject
                {
                    ["format"] = BackupArchive.Format,
                    ["createdAt"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["database"] = database,
                    ["credentials"] = credentials,
                    ["privateKeys"] = privateIncluded ? "encrypted" : "not included",
                    ["files"] = new JsonArray([.. files.Select(f => (JsonNode)JsonValue.Create(f))]),
                };
                var manifestEntry = zip.CreateEntry(BackupArchive.Manifest);
                await using (var output = await manifestEntry.OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(output, manifest, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
                }

                files.Add(BackupArchive.Manifest);
            }

            File.Move(partial, outFile);
            return new BackupResult(outFile, credentials, new FileInfo(outFile).Length, files, privateIncluded);
        }
        catch
        {
            File.Delete(outFile + ".partial");
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // One read transaction of the source: the copy is the database at one moment, whatever the host writes meanwhile.
    private static async Task<long> CopyAsync(string database, string copy, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
        await using (var check = target.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (verdict != "ok")
            {
                throw new InvalidOperationException($"The copy of {database} fails SQLite's integrity check: {verdict}.");
            }
        }

        await using var count = target.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM credentials";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task AddFileAsync(ZipArchive zip, string path, string name, List<string> files, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using (var output = await entry.OpenAsync(cancellationToken))
        await using (var input = File.OpenRead(path))
        {
            await input.CopyToAsync(output, cancellationToken);
        }

        files.Add(name);
    }

    private static byte[] ZipKeyFolder(string keys)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var root = Path.GetFullPath(keys);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(root, file).Replace('\\', '/'), CompressionLevel.Optimal);
            }
        }

        return buffer.ToArray();
    }
}
