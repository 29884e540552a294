using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Tests.Infrastructure;
using MicroCredentials.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Data.Tests.Search;

/// <summary>
/// The staff search on a real SQLite file and a real PostgreSQL server, over the six sample learners issued by the real
/// issuance service (accented names, three micro-credentials).
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
public sealed partial class CredentialSearchTests(StorageProvider provider)
{
    private static readonly Uri BaseUrl = new("https://credentials.nova-academy.be");
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase? database;
    private CredentialStore? store;
    private IssuerKeySet? keys;
    private IssuanceService? service;
    private MicroCredentialCatalog? catalog;
    private IReadOnlyList<IssueResult> issued = [];

    private CredentialStore Store => store!;

    private IssuanceService Service => service!;

    [SetUp]
    public async Task SetUp()
    {
        var root = Root();
        catalog = (await CatalogLoader.LoadFileAsync(Path.Combine(root, "samples", "catalog.json"), None)).Catalog!;
        keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(root, "keys.example"), "demo"), DidWeb.FromBaseUrl(BaseUrl));
        database = await TestDatabase.CreateAsync(provider);
        store = await CredentialStore.OpenAsync(database.Options(), time, None);
        service = new IssuanceService(store, keys, time, new IssuanceOptions { PublicBaseUrl = BaseUrl }, new byte[32]);
        var rows = Rows();
        var results = new List<IssueResult>();
        foreach (var row in rows)
        {
            // One day apart, so date filters and the newest-first order have something to tell apart.
            results.Add(await Service.IssueAsync(catalog, row, "test", None));
            time.Advance(TimeSpan.FromDays(1));
        }

        issued = results;
        Assert.That(issued.Select(r => r.Outcome), Is.All.EqualTo(IssueOutcome.Issued));
    }

    [TearDown]
    public async Task TearDown()
    {
        await store!.DisposeAsync();
        await database!.DisposeAsync();
        keys!.Dispose();
    }

    [TestCase("jan de vos", "Jan De Vos", TestName = "Search_Name_FullName")]
    [TestCase("VOS", "Jan De Vos", TestName = "Search_Name_PartOfLastNameAnyCase")]
    [TestCase("vos jan", "Jan De Vos", TestName = "Search_Name_WordsInAnyOrder")]
    [TestCase("zoe muller-bronte", "Zoë Müller-Brontë", TestName = "Search_Name_WithoutAccentsFindsAccented")]
    [TestCase("Zoë Müller", "Zoë Müller-Brontë", TestName = "Search_Name_WithAccents")]
    [TestCase("lukasz zolk", "Łukasz Żółkiewski", TestName = "Search_Name_PolishLettersFolded")]
    [TestCase("NGUYEN anh", "Nguyễn Thị Ánh", TestName = "Search_Name_VietnameseMarksIgnored")]
    [TestCase("ångström", "Sofie Ångström", TestName = "Search_Name_RingKeptInQueryStillMatches")]
    public async Task Search_Name_FindsTheLearner(string typed, string expected)
    {
        var page = await Store.SearchCredentialsAsync(new CredentialSearch { Text = typed }, 0, 25, None);

        Assert.That(page.Credentials.Select(c => c.LearnerName), Is.EqualTo(new[] { expected }));
        Assert.That(page.Total, Is.EqualTo(1));
    }

    [Test]
    public async Task Search_NameNobodyHas_FindsNothing()
    {
        var page = await Store.SearchCredentialsAsync(new CredentialSearch { Text = "jan peeters" }, 0, 25, None);

        Assert.That(page.Credentials, Is.Empty);
        Assert.That(page.Total, Is.Zero);
    }

    [Test]
    public async Task Search_LikeWildcardsInText_AreLiteral()
    {
        var page = await Store.SearchCredentialsAsync(new CredentialSearch { Text = "%" }, 0, 25, None);

        Assert.That(page.Total, Is.Zero, "a % is no wildcard (and no letter): nothing matches");
    }

    [Test]
    public async Task Search_EmailHash_FindsOnlyThatLearner()
    {
        var hash = Service.EmailLookupHash("  Jan.DeVos@Example.be ");

        var page = await Store.SearchCredentialsAsync(new CredentialSearch { EmailHash = hash }, 0, 25, None);

        Assert.That(page.Credentials.Select(c => c.LearnerName), Is.EqualTo(new[] { "Jan De Vos" }));
    }

    [Test]
    public async Task Search_EmailNobodyHas_FindsNothing()
    {
        var page = await Store.SearchCredentialsAsync(new CredentialSearch { EmailHash = Service.EmailLookupHash("nobody@example.be") }, 0, 25, None);

        Assert.That(page.Total, Is.Zero);
    }

    [Test]
    public async Task Search_ShortCodeHandleIdOrBareUuid_FindsThatCredential()
    {
        var jan = issued.Single(r => r.LearnerName == "Jan De Vos").Credential!;
        var typedCode = jan.ShortCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        foreach (var text in new[] { jan.ShortCode, typedCode, jan.Handle, jan.Id, jan.Id["urn:uuid:".Length..].ToUpperInvariant() })
        {
            var page = await Store.SearchCredentialsAsync(new CredentialSearch { Text = text }, 0, 25, None);
            Assert.That(page.Credentials.Select(c => c.Id), Is.EqualTo(new[] { jan.Id }), text);
        }
    }

    [Test]
    public async Task Search_CodeFilter_EveryCredentialOfThatMicroCredential()
    {
        var page = await Store.SearchCredentialsAsync(new CredentialSearch { Code = "MC-AIR" }, 0, 25, None);

        Assert.That(page.Credentials.Select(c => c.LearnerName), Is.EquivalentTo(new[] { "Łukasz Żółkiewski", "Nguyễn Thị Ánh" }));
    }

    [Test]
    public async Task Search_IssueDateRange_FromInclusiveBeforeExclusive()
    {
        var third = issued[2].Credential!.IssuedAt;
        var search = new CredentialSearch { IssuedFrom = third, IssuedBefore = third.AddDays(2) };

        var page = await Store.SearchCredentialsAsync(search, 0, 25, None);

        Assert.That(page.Credentials.Select(c => c.Id), Is.EqualTo(new[] { issued[3].Credential!.Id, issued[2].Credential!.Id }), "newest first");
    }

    [Test]
    public async Task Search_StateFilters_EachCredentialInExactlyOneState()
    {
        var (revoked, suspended, corrected) = (issued[0].Credential!, issued[1].Credential!, issued[2].Credential!);
        await Service.RevokeAsync(revoked.Id, "fraud", "test", None);
        await Service.SuspendAsync(suspended.Id, "appeal", "test", None);
        var row = Rows()[2] with { Grade = "15" };
        var correction = await Service.ReissueAsync(catalog!, corrected.Id, row, "test", emailCorrection: null, "grade typo", None);
        Assert.That(correction.Outcome, Is.EqualTo(IssueOutcome.Issued));

        async Task<string[]> IdsAsync(CredentialState state) =>
            [.. (await Store.SearchCredentialsAsync(new CredentialSearch { State = state }, 0, 25, None)).Credentials.Select(c => c.Id)];

        Assert.That(await IdsAsync(CredentialState.Revoked), Is.EqualTo(new[] { revoked.Id }));
        Assert.That(await IdsAsync(CredentialState.Suspended), Is.EqualTo(new[] { suspended.Id }));
        Assert.That(await IdsAsync(CredentialState.Superseded), Is.EqualTo(new[] { corrected.Id }));
        Assert.That(await IdsAsync(CredentialState.Valid), Has.Length.EqualTo(4).And.Contains(correction.Credential!.Id));
        var name = await Store.SearchCredentialsAsync(new CredentialSearch { Text = issued[2].LearnerName, State = CredentialState.Valid }, 0, 25, None);
        Assert.That(name.Credentials.Single().Id, Is.EqualTo(correction.Credential.Id), "filters combine with the name");
    }

    [Test]
    public async Task Reissue_WithReason_ReasonInBothCredentialsAuditEntries()
    {
        var old = issued[0].Credential!;
        var correction = await Service.ReissueAsync(catalog!, old.Id, Rows()[0] with { Grade = "16" }, "Ann (ann)", emailCorrection: null, "grade typo", None);

        var newIssue = (await Store.QueryAuditAsync(correction.Credential!.Id, 0, 10, None)).Single(e => e.Action == AuditAction.Issue);
        var oldRevoke = (await Store.QueryAuditAsync(old.Id, 0, 10, None)).Single(e => e.Action == AuditAction.Revoke);
        Assert.That(newIssue.Detail, Is.EqualTo($"supersedes {old.Id}; reason: grade typo"));
        Assert.That(oldRevoke.Detail, Is.EqualTo($"superseded by {correction.Credential.Id}; reason: grade typo"));
        Assert.That(oldRevoke.Actor, Is.EqualTo("Ann (ann)"));
    }

    [Test]
    public async Task Search_Paging_NewestFirstWithTotal()
    {
        var first = await Store.SearchCredentialsAsync(new CredentialSearch(), 0, 4, None);
        var second = await Store.SearchCredentialsAsync(new CredentialSearch(), 4, 4, None);
        var past = await Store.SearchCredentialsAsync(new CredentialSearch(), 6, 4, None);

        var newestFirst = issued.Select(r => r.Credential!.Id).Reverse().ToList();
        Assert.That(first.Credentials.Select(c => c.Id), Is.EqualTo(newestFirst.Take(4)));
        Assert.That(second.Credentials.Select(c => c.Id), Is.EqualTo(newestFirst.Skip(4)));
        Assert.That(past.Credentials, Is.Empty);
        Assert.That(new[] { first.Total, second.Total, past.Total }, Is.All.EqualTo(6));
    }

    [Test]
    public void Search_OnePastThePageBound_Throws() =>
        Assert.That(() => Store.SearchCredentialsAsync(new CredentialSearch(), 0, 1001, None), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public async Task Search_LearnerId_AllOfThatLearnersCredentials()
    {
        var jan = issued.Single(r => r.LearnerName == "Jan De Vos").Credential!;
        var other = Rows().Single(r => r.Name == "Jan De Vos") with { Code = "MC-DSH", Grade = "12" };
        var second = await Service.IssueAsync(catalog!, other, "test", None);

        var page = await Store.SearchCredentialsAsync(new CredentialSearch { LearnerId = jan.LearnerId }, 0, 25, None);

        Assert.That(page.Credentials.Select(c => c.Id), Is.EquivalentTo(new[] { jan.Id, second.Credential!.Id }));
    }

    private List<LearnerRow> Rows() =>
        [.. LearnerCsvReader.Read(File.ReadAllText(Path.Combine(Root(), "samples", "learners.csv")), "learners.csv", catalog!, AwardDates.Today(time)).Rows];

    private static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
