using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Find;

/// <summary>A real host (SQLite file or PostgreSQL) with the six sample learners issued through its own issuance service.</summary>
public abstract class FindFixture(string provider) : StaffFixture(provider)
{
    private protected IReadOnlyList<IssueResult> Issued { get; private set; } = [];

    private protected IssuanceService Issuance => Factory.Services.GetRequiredService<IssuanceService>();

    private protected MicroCredentialCatalog Catalog => Factory.Services.GetRequiredService<MicroCredentialCatalog>();

    /// <summary>Jan De Vos's credential (MC-CBE, no grade).</summary>
    private protected IssueResult Jan => Issued.Single(r => r.LearnerName == "Jan De Vos");

    [OneTimeSetUp]
    public async Task IssueSamples()
    {
        var time = Factory.Services.GetRequiredService<TimeProvider>();
        var csv = LearnerCsvReader.Read(await File.ReadAllTextAsync(Infrastructure.RepositoryPaths.File("samples", "learners.csv")), "learners.csv",
            Catalog, AwardDates.Today(time));
        Issued = await Issuance.IssueBatchAsync(Catalog, csv, "tests", dryRun: false, progress: null, CancellationToken.None);
        Assert.That(Issued.Select(r => r.Outcome), Is.All.EqualTo(IssueOutcome.Issued));
    }

    /// <summary>Issues one more award to a fresh learner (and gives its e-mail), so a test may change it without disturbing the others.</summary>
    private protected async Task<(IssueResult Result, string Email)> IssueFreshAsync(string name, string code = "MC-DSH", string grade = "14")
    {
        var time = Factory.Services.GetRequiredService<TimeProvider>();
        var email = $"{Guid.NewGuid():N}@example.be";
        var csv = LearnerCsvReader.Read($"email;name;code;awarded;grade\n{email};{name};{code};2026-02-06;{grade}\n", "fresh.csv", Catalog, AwardDates.Today(time));
        Assert.That(csv.Errors, Is.Empty);
        var result = await Issuance.IssueAsync(Catalog, csv.Rows[0], "tests", CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Issued));
        return (result, email);
    }
}
