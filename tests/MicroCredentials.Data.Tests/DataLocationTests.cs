namespace MicroCredentials.Data.Tests;

/// <summary>The one default database location of host and CLI (<see cref="DataLocation"/>).</summary>
[NonParallelizable]
public sealed class DataLocationTests
{
    [Test]
    public void DefaultFolder_InAClone_IsDataAtTheRepositoryRootWhateverTheCurrentFolder()
    {
        var saved = Environment.GetEnvironmentVariable(DataLocation.Variable);
        var cwd = Directory.GetCurrentDirectory();
        Environment.SetEnvironmentVariable(DataLocation.Variable, null);
        try
        {
            Directory.SetCurrentDirectory(Path.GetTempPath());
            var (folder, rule) = DataLocation.DefaultFolder();

            Assert.That(DataLocation.RepositoryRoot(), Is.Not.Null);
            Assert.That(File.Exists(Path.Combine(DataLocation.RepositoryRoot()!, "MicroCredentials.sln")), Is.True);
            Assert.That(folder, Is.EqualTo(Path.Combine(DataLocation.RepositoryRoot()!, "data")));
            Assert.That(rule, Does.Contain("repository root"));
            Assert.That(DataLocation.DefaultDatabasePath(), Is.EqualTo(Path.Combine(folder, "microcredentials.db")));
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
            Environment.SetEnvironmentVariable(DataLocation.Variable, saved);
        }
    }

    [Test]
    public void DefaultFolder_VariableSet_WinsAndIsAbsolute()
    {
        var saved = Environment.GetEnvironmentVariable(DataLocation.Variable);
        Environment.SetEnvironmentVariable(DataLocation.Variable, "some/relative/data");
        try
        {
            var (folder, rule) = DataLocation.DefaultFolder();

            Assert.That(folder, Is.EqualTo(Path.GetFullPath("some/relative/data")));
            Assert.That(rule, Is.EqualTo("from $MICROCRED_DATA"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataLocation.Variable, saved);
        }
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task OpenAsync_NewSqliteFile_FolderAndFilesAreOwnerOnly()
    {
        var root = Directory.CreateTempSubdirectory("microcred-data-location-").FullName;
        try
        {
            var db = Path.Combine(root, "nested", "microcredentials.db");
            await using (var store = await CredentialStore.OpenAsync(new StorageOptions { ConnectionString = $"Data Source={db}" }, TimeProvider.System, CancellationToken.None))
            {
                Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(db)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
                Assert.That(File.GetUnixFileMode(db), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
                Assert.That(File.GetUnixFileMode(db + "-wal"), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
