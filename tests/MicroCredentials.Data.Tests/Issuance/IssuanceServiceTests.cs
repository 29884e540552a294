using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Tests.Infrastructure;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Data.Tests.Issuance;

/// <summary>The issuance workflow on a real SQLite file and a real PostgreSQL server, with the demo keys and samples.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
public sealed partial class IssuanceServiceTests(StorageProvider provider)
{
    private static readonly Uri BaseUrl = new("https://credentials.nova-academy.be");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase? database;
    private CredentialStore? store;
    private IssuerKeySet? keys;
    private IssuanceService? service;
    private MicroCredentialCatalog? catalog;

    private IssuanceService Service => service!;

    private DateOnly Today => AwardDates.Today(time);

    private MicroCredentialCatalog Catalog => catalog!;

    [SetUp]
    public async Task SetUp()
    {
        var root = Root();
        catalog = (await CatalogLoader.LoadFileAsync(Path.Combine(root, "samples", "catalog.json"), CancellationToken.None)).Catalog!;
        keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(root, "keys.example"), "demo"), DidWeb.FromBaseUrl(BaseUrl));
        database = await TestDatabase.CreateAsync(provider);
        store = await CredentialStore.OpenAsync(database.Options(), time, CancellationToken.None);
        service = new IssuanceService(store, keys, time, new IssuanceOptions { PublicBaseUrl = BaseUrl }, new byte[32]);
    }

    [TearDown]
    public async Task TearDown()
    {
        await store!.DisposeAsync();
        await database!.DisposeAsync();
        keys!.Dispose();
    }

    [Test]
    public async Task IssueBatch_Samples_IssuesSignedCredentialsThatVerify()
    {
        var results = await IssueSamplesAsync();

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(IssueOutcome.Issued));
        foreach (var r in results)
        {
            var json = JsonNode.Parse(r.Credential!.CredentialJson)!.AsObject();
            Assert.That(DataIntegrityVerifier.Verify(json, keys!.DataIntegrityKeyResolver).IsValid, Is.True, r.LearnerName);
            Assert.That(VcJwtVerifier.Verify(r.Credential.Jwt, keys.JwtKeyResolver, time).IsValid, Is.True, r.LearnerName);
            Assert.That((string?)json["credentialStatus"]!.AsObject()["statusPurpose"], Is.EqualTo("revocation"), "one status object by default");
            Assert.That(r.VerificationUrl, Is.EqualTo($"https://credentials.nova-academy.be/v/{r.Credential.Handle}"));
            Assert.That(r.DownloadUrl, Does.StartWith("https://credentials.nova-academy.be/d/"));
            Assert.That(await store!.FindByDownloadTokenAsync(r.DownloadUrl!.Split('/').Last(), CancellationToken.None), Is.Not.Null);
        }
    }

    [Test]
    public async Task IssueBatch_Rerun_IssuesNoDuplicatesAndReturnsSameLinks()
    {
        var first = await IssueSamplesAsync();
        var second = await IssueSamplesAsync();

        Assert.That(second.Select(r => r.Outcome), Is.All.EqualTo(IssueOutcome.AlreadyIssued));
        Assert.That(second.Select(r => r.Credential!.Id), Is.EqualTo(first.Select(r => r.Credential!.Id)));
        Assert.That(second.Select(r => r.DownloadUrl), Is.EqualTo(first.Select(r => r.DownloadUrl)));
        Assert.That(await store!.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(6));
    }

    [Test]
    public async Task IssueBatch_DryRun_WritesNothingAndReportsEveryRow()
    {
        var csv = LearnerCsvReader.Read(await File.ReadAllTextAsync(Path.Combine(Root(), "samples", "learners-with-errors.csv")), "bad.csv", Catalog, Today);

        var results = await Service.IssueBatchAsync(Catalog, csv, "test", dryRun: true, progress: null, CancellationToken.None);

        Assert.That(results.Select(r => (r.Line, r.Outcome)), Is.EqualTo(new[]
        {
            (2, IssueOutcome.WouldIssue), (3, IssueOutcome.Rejected), (4, IssueOutcome.Rejected), (5, IssueOutcome.Rejected),
            (6, IssueOutcome.Rejected), (7, IssueOutcome.Rejected), (8, IssueOutcome.WouldIssue),
        }));
        Assert.That(results.Single(r => r.Line == 3).Reason, Does.StartWith("email:"));
        Assert.That(await store!.CountCredentialsAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task IssueBatch_InterruptedRun_RerunCompletesWithoutDuplicates()
    {
        var csv = SampleCsv();
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(done =>
        {
            if (done == 2)
            {
                cts.Cancel();
            }
        });

        Assert.That(async () => await Service.IssueBatchAsync(Catalog, csv, "test", false, progress, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await store!.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(2));

        var rerun = await Service.IssueBatchAsync(Catalog, csv, "test", false, null, CancellationToken.None);

        Assert.That(rerun.Count(r => r.Outcome == IssueOutcome.AlreadyIssued), Is.EqualTo(2));
        Assert.That(rerun.Count(r => r.Outcome == IssueOutcome.Issued), Is.EqualTo(4));
        Assert.That(await store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(6));
    }

    [Test]
    public async Task Reissue_CorrectedGrade_RevokesOldLinksBothAndTakesOverTheAward()
    {
        var original = (await IssueSamplesAsync())[0];
        var row = SampleCsv().Rows[0] with { Grade = "16" };

        var corrected = await Service.ReissueAsync(Catalog, original.Credential!.Id, row, "test", emailCorrection: null, CancellationToken.None);

        Assert.That(corrected.Outcome, Is.EqualTo(IssueOutcome.Issued));
        var old = await store!.FindByIdAsync(original.Credential.Id, CancellationToken.None);
        Assert.That(old!.IsRevoked, Is.True);
        Assert.That(old.SupersededBy, Is.EqualTo(corrected.Credential!.Id));
        Assert.That(corrected.Credential.Supersedes, Is.EqualTo(original.Credential.Id));
        Assert.That(JsonNode.Parse(corrected.Credential.CredentialJson)!["credentialSubject"]!["result"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("16"));
        var again = await Service.IssueAsync(Catalog, row, "test", CancellationToken.None);
        Assert.That(again.Outcome, Is.EqualTo(IssueOutcome.AlreadyIssued));
        Assert.That(again.Credential!.Id, Is.EqualTo(corrected.Credential.Id));
    }

    [Test]
    public async Task Issue_CatalogueEntryChangedWithoutNewVersion_Rejected()
    {
        await IssueSamplesAsync();
        var changed = Catalog with
        {
            MicroCredentials = [.. Catalog.MicroCredentials.Select(m => m.Code == "MC-DSH" ? m with { Ects = 5 } : m)],
        };
        var row = SampleCsv().Rows[0] with { Email = "someone.new@example.be" };

        var result = await Service.IssueAsync(changed, row, "test", CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(IssueOutcome.Rejected));
        Assert.That(result.Reason, Does.Contain("new version"));
    }

    private LearnerCsvResult SampleCsv() =>
        LearnerCsvReader.Read(File.ReadAllText(Path.Combine(Root(), "samples", "learners.csv")), "learners.csv", Catalog, Today);

    private async Task<IReadOnlyList<IssueResult>> IssueSamplesAsync() =>
        await Service.IssueBatchAsync(Catalog, SampleCsv(), "test", dryRun: false, progress: null, CancellationToken.None);

    private static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
