namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>Locates the repository root (the folder holding MicroCredentials.sln) and the shared standards folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MicroCredentials.sln not found above the test directory.");
    });

    public static string RepoRoot => RootPath.Value;

    public static string Standards => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "standards"));

    public static string JsonLdSuite => Path.Combine(Standards, "w3c", "json-ld-tests");
}
