using System.Text.Json.Nodes;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class CatalogCheckTests
{
    [Test]
    public async Task CatalogCheck_Sample_ExitsZero()
    {
        var run = await CliRun.RunAsync("catalog", "check", Repo.Catalog);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("ok"));
    }

    [Test]
    public async Task CatalogCheck_EntryWithoutLearningOutcomes_ExitsTwoNamingCodeAndElement()
    {
        using var ws = new Workspace();
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Catalog))!.AsObject();
        var entry = catalog["microCredentials"]![0]!.AsObject();
        var code = entry["code"]!.GetValue<string>();
        entry.Remove("learningOutcomes");
        var path = ws.Write("catalog-no-outcomes.json", catalog.ToJsonString());

        var run = await CliRun.RunAsync("catalog", "check", path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
        Assert.That(run.Output, Does.Contain(code));
        Assert.That(run.Output, Does.Contain("learningOutcomes").Or.Contain("EU Annex I element 6"));
    }

    [Test]
    public async Task CatalogCheck_MissingFile_ExitsTwo()
    {
        using var ws = new Workspace();

        var run = await CliRun.RunAsync("catalog", "check", Path.Combine(ws.Root, "nope.json"));

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.BadInput), run.ToString());
    }
}
