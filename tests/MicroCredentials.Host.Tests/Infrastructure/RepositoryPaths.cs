namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding MicroCredentials.sln) from the test output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MicroCredentials.sln not found above " + TestContext.CurrentContext.TestDirectory);
    });

    public static string Root => RootPath.Value;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
