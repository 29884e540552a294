using System.Text.Json.Nodes;
using MicroCredentials.Verification;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class IssueTests
{
    private static readonly string[] Extensions = [".json", ".jwt", ".pdf", ".png"];

    [Test]
    public async Task Issue_SampleLearners_WritesFourFilesPerRowAndLinks()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.Learners);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("issued 6,"));
        var jsons = ws.CredentialJsonFiles();
        Assert.That(jsons, Has.Length.EqualTo(6));
        foreach (var json in jsons)
        {
            foreach (var extension in Extensions)
            {
                Assert.That(File.Exists(Path.ChangeExtension(json, extension)), Is.True, Path.ChangeExtension(json, extension));
            }
        }

        var links = await File.ReadAllLinesAsync(Path.Combine(ws.Out, "links.csv"));
        Assert.That(links, Has.Length.EqualTo(7));
    }

    [Test]
    public async Task Issue_SampleLearners_EveryCredentialValidatesAgainstTheOb3Schema()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(Repo.Learners);

        var jsons = ws.CredentialJsonFiles();
        Assert.That(jsons, Has.Length.EqualTo(6));
        foreach (var json in jsons)
        {
            // The whole credential, status included: by default it carries one credentialStatus object, as the OB 3.0 schema wants.
            var credential = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject();
            Assert.That(credential["credentialStatus"], Is.InstanceOf<JsonObject>(), json);
            Assert.That(SchemaValidator.ValidateOb3(credential), Is.Empty, json);
        }
    }

    [Test]
    public async Task Issue_RerunSameInput_IssuesNothingNew()
    {
        using var ws = new Workspace();
        await ws.IssueAsync(Repo.Learners);
        var before = Directory.GetFiles(ws.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        var run = await ws.IssueAsync(Repo.Learners);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("issued 0, skipped as already issued 6"));
        var after = Directory.GetFiles(ws.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task Issue_LearnersWithErrors_IssuesGoodRowsAndReportsEachBadLine()
    {
        using var ws = new Workspace();

        var run = await ws.IssueAsync(Repo.LearnersWithErrors);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("issued 2,"));
        Assert.That(run.Output, Does.Contain("rejected 5"));
        string[] fields = ["email", "code", "name", "awarded", "grade"];
        for (var i = 0; i < fields.Length; i++)
        {
            Assert.That(run.Output, Does.Contain($"learners-with-errors.csv:{i + 3}: {fields[i]}: "));
        }

        var links = await File.ReadAllTextAsync(Path.Combine(ws.Out, "links.csv"));
        Assert.That(links, Does.Contain("Marie Claes").And.Contain("Inès Dubois"));
        Assert.That(ws.CredentialJsonFiles(), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task Issue_DryRun_WritesNothingAndALaterRunIssuesEverything()
    {
        using var ws = new Workspace();

        var dry = await ws.IssueAsync(Repo.Learners, "--dry-run");

        Assert.That(dry.ExitCode, Is.EqualTo(CliApp.Ok), dry.ToString());
        Assert.That(dry.Output, Does.Contain("would issue"));
        Assert.That(Directory.Exists(ws.Out) ? Directory.GetFiles(ws.Out) : [], Is.Empty);

        var real = await ws.IssueAsync(Repo.Learners);

        Assert.That(real.Output, Does.Contain("issued 6, skipped as already issued 0"), real.ToString());
    }
}
