namespace MicroCredentials.Core.Tests.Support;

/// <summary>Finds the repository root and the shared reference data from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding MicroCredentials.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared reference data (<c>../shared/standards</c> from the repository root).</summary>
    public static string Standards => Path.GetFullPath(Path.Combine(Root, "..", "shared", "standards"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MicroCredentials.sln not found above the test folder.");
    }
}
