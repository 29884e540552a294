using System.Text.Json.Nodes;

namespace MicroCredentials.Cli.Tests;

/// <summary>
/// <c>microcred config check</c>: the host's own start-up checks on settings files, without starting the host — exit 0
/// when it would start, 2 with one line per wrong setting naming it and the fix.
/// </summary>
[TestFixture]
public sealed class ConfigCheckTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("microcred-config-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Check_GoodConfiguration_ExitsZero()
    {
        var file = Write("appsettings.json", Good());

        var run = await CliRun.RunAsync("config", "check", "--config", file);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("every setting checked: the host would start"));
    }

    [Test]
    public async Task Check_SeveralBadSettings_ExitsTwoNamingEachSettingAndItsFix()
    {
        var invalidCatalogue = Path.Combine(folder, "catalog.json");
        File.WriteAllText(invalidCatalogue, """{ "issuer": "not an object" }""");
        var settings = Good();
        settings["Issuer"]!["PublicBaseUrl"] = "http://credentials.example.edu";
        settings["Issuer"]!["SealPassword"] = "not-the-password";
        settings["Issuer"]!["CatalogPath"] = invalidCatalogue;
        settings["Issuer"]!["JwtAlgorithm"] = "HS256";
        settings["Telemetry"] = new JsonObject { ["Otlp"] = new JsonObject { ["Protocol"] = "carrier-pigeon" } };
        var file = Write("appsettings.json", settings);

        var run = await CliRun.RunAsync("config", "check", "--config", file);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" Fix: ", StringComparison.Ordinal)).ToList();
        Assert.That(lines.Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]),
            Is.EquivalentTo(new[] { "Issuer:PublicBaseUrl", "Issuer:JwtAlgorithm", "Issuer:CatalogPath", "Issuer:SealPassword", "Telemetry:Otlp:Protocol" }), run.ToString());
        Assert.That(run.Output, Does.Contain("The configuration has 5 problems"));
        Assert.That(lines.Single(l => l.StartsWith("Issuer:SealPassword", StringComparison.Ordinal)), Does.Contain("seal.p12"));
    }

    [Test]
    public async Task Check_LaterFileFixesTheFirst_ExitsZero()
    {
        var bad = Good();
        bad["Issuer"]!["StorageProvider"] = "Mongo";
        var first = Write("appsettings.json", bad);
        var second = Write("appsettings.Production.json", new JsonObject { ["Issuer"] = new JsonObject { ["StorageProvider"] = "Sqlite" } });

        var alone = await CliRun.RunAsync("config", "check", "--config", first);
        var both = await CliRun.RunAsync("config", "check", "--config", first, "--config", second);

        Assert.That(alone.ExitCode, Is.EqualTo(2), alone.ToString());
        Assert.That(alone.Output, Does.Contain("Issuer:StorageProvider: 'Mongo' is not a storage provider."));
        Assert.That(both.ExitCode, Is.EqualTo(0), both.ToString());
    }

    [Test]
    public async Task Check_HttpBaseUrl_RefusedInProductionOnlyAndNeverForLoopback()
    {
        var settings = Good();
        settings["Issuer"]!["PublicBaseUrl"] = "http://credentials.example.edu";
        var file = Write("appsettings.json", settings);
        var local = Good();
        local["Issuer"]!["PublicBaseUrl"] = "http://localhost:5000";
        var localFile = Write("local.json", local);

        var production = await CliRun.RunAsync("config", "check", "--config", file, "--environment", "Production");
        var development = await CliRun.RunAsync("config", "check", "--config", file, "--environment", "Development");
        var loopback = await CliRun.RunAsync("config", "check", "--config", localFile, "--environment", "Production");

        Assert.That(production.ExitCode, Is.EqualTo(2), production.ToString());
        Assert.That(production.Output, Does.Contain("Issuer:PublicBaseUrl: 'http://credentials.example.edu/' is not https"));
        Assert.That(development.ExitCode, Is.EqualTo(0), development.ToString());
        Assert.That(loopback.ExitCode, Is.EqualTo(0), loopback.ToString());
    }

    [Test]
    public async Task Check_MissingConfigFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("config", "check", "--config", Path.Combine(folder, "nope.json"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("nope.json does not exist"));
    }

    // A configuration the host starts with: https address, the sample catalogue, the demo keys, SQLite in the temp folder.
    private JsonObject Good() => new()
    {
        ["Issuer"] = new JsonObject
        {
            ["PublicBaseUrl"] = "https://credentials.example.edu",
            ["CatalogPath"] = Repo.Catalog,
            ["StorageProvider"] = "Sqlite",
            ["ConnectionString"] = $"Data Source={Path.Combine(folder, "data", "microcredentials.db")}",
            ["KeysPath"] = Repo.DemoKeys,
            ["SealPassword"] = "demo",
        },
    };

    private string Write(string name, JsonObject settings)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, settings.ToJsonString());
        return path;
    }
}
