using System.Text.Json.Nodes;
using MicroCredentials.Catalog;

namespace MicroCredentials.Cli.Tests;

/// <summary>
/// <c>microcred catalog import|export</c> on a real SQLite database: the export of an import is the same catalogue; a
/// changed entry becomes a new version; an import that would change an issued version is refused and changes nothing.
/// </summary>
public sealed class CatalogImportExportTests
{
    [Test]
    public async Task Import_ThenExport_IsTheSameCatalogue_AndAChangedFileMakesNewVersions()
    {
        using var ws = new Workspace();
        var imported = await CliRun.RunAsync("catalog", "import", Repo.Catalog, "--actor", "tester", "--db", ws.Db);
        Assert.That(imported.ExitCode, Is.EqualTo(CliApp.Ok), imported.ToString());
        Assert.That(imported.Output, Does.Contain("MC-DSH, MC-AIR, MC-CBE"));

        var exportPath = Path.Combine(ws.Root, "export.json");
        var exported = await CliRun.RunAsync("catalog", "export", "--out", exportPath, "--db", ws.Db);
        Assert.That(exported.ExitCode, Is.EqualTo(CliApp.Ok), exported.ToString());
        var sample = CatalogLoader.Load(await File.ReadAllTextAsync(Repo.Catalog)).Catalog!;
        Assert.That(await File.ReadAllTextAsync(exportPath), Is.EqualTo(CatalogWriter.ToJson(sample)));
        Assert.That((await CliRun.RunAsync("catalog", "check", exportPath)).ExitCode, Is.EqualTo(CliApp.Ok));

        var again = await CliRun.RunAsync("catalog", "import", exportPath, "--db", ws.Db);
        Assert.That(again.Output, Does.Contain("nothing changed"));

        var changed = JsonNode.Parse(await File.ReadAllTextAsync(exportPath))!;
        changed["microCredentials"]![2]!["notionalHours"] = 81;
        await File.WriteAllTextAsync(exportPath, changed.ToJsonString());
        var second = await CliRun.RunAsync("catalog", "import", exportPath, "--db", ws.Db);
        Assert.That(second.ExitCode, Is.EqualTo(CliApp.Ok), second.ToString());
        Assert.That(second.Output, Does.Contain("new versions of: MC-CBE."));
    }

    [Test]
    public async Task Import_OfAnInvalidFile_ListsTheCheckErrors_AndExportOfAnEmptyDatabaseIsRefused()
    {
        using var ws = new Workspace();
        var bad = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Catalog))!;
        bad["microCredentials"]![0]!["eqfLevel"] = 0;
        var path = Path.Combine(ws.Root, "bad.json");
        await File.WriteAllTextAsync(path, bad.ToJsonString());
        var run = await CliRun.RunAsync("catalog", "import", path, "--db", ws.Db);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput));
        Assert.That(run.Output, Does.Contain("MC-DSH: eqfLevel: the EQF level must be 1 to 8 (EU Annex I element 8)."));
        var export = await CliRun.RunAsync("catalog", "export", "--db", ws.Db);
        Assert.That(export.ExitCode, Is.EqualTo(CliApp.BadInput));
    }
}
