namespace MicroCredentials.Data.Tests;

/// <summary>The issuer identity stored with the data (migration 2): recorded once, compared, moved only explicitly.</summary>
public sealed partial class CredentialStoreTests
{
    private static IssuerIdentity Identity(string baseUrl, string ed25519 = "z6MkA", string es256 = "es", string rs256 = "rs") => new()
    {
        IssuerId = "did:web:" + new Uri(baseUrl).Host,
        PublicBaseUrl = baseUrl,
        ContextUrl = baseUrl + "/contexts/microcredential-v1.jsonld",
        Ed25519Key = ed25519,
        Es256Key = es256,
        Rs256Key = rs256,
    };

    [Test]
    public async Task ClaimIssuerIdentity_EmptyDatabase_RecordsItAndAudits()
    {
        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);

        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Recorded));
        Assert.That(claim.Current.CreatedAt, Is.EqualTo(Start));
        var stored = await Store.ListIssuerIdentitiesAsync(None);
        Assert.That(stored.Select(i => i.IssuerId), Is.EqualTo(new[] { "did:web:a.example" }));
        Assert.That(stored[0].RetiredAt, Is.Null);
    }

    [Test]
    public async Task ClaimIssuerIdentity_SameAgain_Unchanged()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);

        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);

        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Unchanged));
        Assert.That(claim.Differences, Is.Empty);
    }

    [Test]
    public async Task ClaimIssuerIdentity_OtherAddressBeforeAnyCredential_ReplacesIt()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("http://localhost:5000"), "tests", None);

        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://credentials.example.be"), "tests", None);

        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Replaced));
        Assert.That(claim.Replaced!.PublicBaseUrl, Is.EqualTo("http://localhost:5000"));
        Assert.That((await Store.ListIssuerIdentitiesAsync(None)).Select(i => i.PublicBaseUrl), Is.EqualTo(new[] { "https://credentials.example.be" }));
    }

    [Test]
    public async Task ClaimIssuerIdentity_OtherAddressOnceCredentialsExist_ConflictChangesNothing()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);
        await IssueAsync();

        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://b.example"), "tests", None);

        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Conflict));
        Assert.That(claim.Current.PublicBaseUrl, Is.EqualTo("https://a.example"));
        Assert.That(claim.Differences, Has.One.Contains("the public address is https://b.example"));
        var message = claim.Current.ExplainConflict(Identity("https://b.example"), "Issuer:PublicBaseUrl", "Issuer:KeysPath", "--db x.db");
        Assert.That(message, Does.Contain("set Issuer:PublicBaseUrl to https://a.example"));
        Assert.That(message, Does.Contain("microcred identity move --to https://b.example --db x.db"));
        Assert.That((await Store.ListIssuerIdentitiesAsync(None)).Select(i => i.PublicBaseUrl), Is.EqualTo(new[] { "https://a.example" }));
    }

    [Test]
    public async Task ClaimIssuerIdentity_OtherKeysOnceCredentialsExist_ConflictNamesTheKeys()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);
        await IssueAsync();

        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://a.example", ed25519: "z6MkOther"), "tests", None);

        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Conflict));
        var message = claim.Current.ExplainConflict(Identity("https://a.example", ed25519: "z6MkOther"), "--base-url", "--keys", "--db x.db");
        Assert.That(message, Does.Contain("the Ed25519 key is z6MkOther, the database's credentials are signed with z6MkA"));
        Assert.That(message, Does.Contain("Set --keys to the folder with the keys"));
        Assert.That(message, Does.Not.Contain("identity move"));
    }

    [Test]
    public async Task MoveIssuerIdentity_NewAddress_KeepsTheOldOneAsEarlierAndTheNewOneMatches()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);
        await IssueAsync();
        Time.Advance(TimeSpan.FromDays(1));

        var moved = await Store.MoveIssuerIdentityAsync(Identity("https://b.example"), "tests", None);
        var claim = await Store.ClaimIssuerIdentityAsync(Identity("https://b.example"), "tests", None);

        Assert.That(moved, Is.EqualTo(IssuerIdentityMoveOutcome.Moved));
        Assert.That(claim.Outcome, Is.EqualTo(IssuerIdentityOutcome.Unchanged));
        Assert.That(claim.Earlier.Select(i => i.IssuerId), Is.EqualTo(new[] { "did:web:a.example" }));
        Assert.That(claim.Earlier[0].RetiredAt, Is.EqualTo(Start.AddDays(1)));
        Assert.That((await Store.QueryAuditAsync(null, 0, 10, None)).Select(a => a.Detail), Has.Some.Contains("moved from did:web:a.example"));
    }

    [Test]
    public async Task MoveIssuerIdentity_BackToAnEarlierAddress_MakesThatOneCurrentAgain()
    {
        await Store.ClaimIssuerIdentityAsync(Identity("https://a.example"), "tests", None);
        await IssueAsync();
        await Store.MoveIssuerIdentityAsync(Identity("https://b.example"), "tests", None);

        var back = await Store.MoveIssuerIdentityAsync(Identity("https://a.example"), "tests", None);

        var identities = await Store.ListIssuerIdentitiesAsync(None);
        Assert.That(back, Is.EqualTo(IssuerIdentityMoveOutcome.Moved));
        Assert.That(identities.Select(i => (i.IssuerId, i.RetiredAt is null)), Is.EqualTo(new[] { ("did:web:a.example", true), ("did:web:b.example", false) }));
    }

    [Test]
    public async Task MoveIssuerIdentity_NoIdentityOrSameAddress_SaysSo()
    {
        Assert.That(await Store.MoveIssuerIdentityAsync(Identity("https://b.example"), "tests", None), Is.EqualTo(IssuerIdentityMoveOutcome.NoIdentity));
        await Store.ClaimIssuerIdentityAsync(Identity("https://b.example"), "tests", None);
        Assert.That(await Store.MoveIssuerIdentityAsync(Identity("https://b.example"), "tests", None), Is.EqualTo(IssuerIdentityMoveOutcome.AlreadyThere));
    }
}
