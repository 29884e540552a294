namespace MicroCredentials.Cli.Tests;

/// <summary>Paths in the repository, found from the test directory (never the current directory).</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MicroCredentials.sln not found above the test directory.");
    });

    public static string Root => RootPath.Value;

    public static string Catalog => Path.Combine(Root, "samples", "catalog.json");

    public static string Learners => Path.Combine(Root, "samples", "learners.csv");

    public static string LearnersWithErrors => Path.Combine(Root, "samples", "learners-with-errors.csv");

    public static string DemoKeys => Path.Combine(Root, "keys.example");
}
