namespace MicroCredentials.Cli.Tests;

/// <summary>A temporary folder with a database and an output folder; runs <c>issue</c> on the samples into it.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "microcred-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(Root, "db", "microcredentials.db");

    public string Out => Path.Combine(Root, "out");

    /// <summary>--db and --keys (the demo keys unless another folder is given).</summary>
    public string[] Storage(string? keys = null) => ["--db", Db, "--keys", keys ?? Repo.DemoKeys];

    public Task<CliRun> IssueAsync(string learners, params string[] extra) => CliRun.RunAsync(
        ["issue", "--catalog", Repo.Catalog, "--learners", learners, "--out", Out, .. Storage(), .. extra]);

    public Task<CliRun> VerifyAsync(string file) => CliRun.RunAsync(["verify", file, .. Storage()]);

    /// <summary>The credential JSON files written to the output folder.</summary>
    public string[] CredentialJsonFiles() =>
        Directory.Exists(Out) ? Directory.GetFiles(Out, "*.json").Order(StringComparer.Ordinal).ToArray() : [];

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
