namespace MicroCredentials.Data;

/// <summary>
/// Where the host and the CLI keep their SQLite database when no connection string or <c>--db</c> is given — one rule
/// for both, independent of the current folder and of which <c>dotnet run</c> started them:
/// <list type="number">
/// <item>the folder in the environment variable <see cref="Variable"/> (<c>MICROCRED_DATA</c>), when set;</item>
/// <item>otherwise <c>&lt;repository root&gt;/data</c>, the root being the first folder above the running program's own
/// folder (<see cref="AppContext.BaseDirectory"/>) that holds <see cref="RootMarker"/> — so a clone's host and CLI,
/// however started, share <c>data/microcredentials.db</c> at the top of the clone;</item>
/// <item>otherwise (an installed or published copy) <c>$XDG_DATA_HOME/microcredentials</c>, by default
/// <c>~/.local/share/microcredentials</c>.</item>
/// </list>
/// </summary>
public static class DataLocation
{
    /// <summary>The environment variable that overrides the data folder.</summary>
    public const string Variable = "MICROCRED_DATA";

    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "MicroCredentials.sln";

    /// <summary>The database file name inside the data folder.</summary>
    public const string DatabaseFileName = "microcredentials.db";

    /// <summary>The repository root above the running program, or null for an installed copy.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The data folder by the rule above, and which step of the rule chose it.</summary>
    public static (string Folder, string Rule) DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return (Path.GetFullPath(configured), $"from ${Variable}");
        }

        if (RepositoryRoot() is { } root)
        {
            return (Path.Combine(root, "data"), $"the repository root (the folder with {RootMarker} above the program)");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } home && Path.IsPathRooted(home)
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return (Path.Combine(xdg, "microcredentials"), "the XDG data folder");
    }

    /// <summary>The default SQLite database file.</summary>
    public static string DefaultDatabasePath() => Path.Combine(DefaultFolder().Folder, DatabaseFileName);

    /// <summary>Creates a folder readable by the owner only (0700 on Unix) when it does not exist.</summary>
    public static void CreatePrivateFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
