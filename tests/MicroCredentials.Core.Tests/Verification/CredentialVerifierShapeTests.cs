using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Jwt;
using MicroCredentials.Model;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// The six code sites that answered HTTP 500 (issue 10 point 4) and the VC 2.0 shapes every reader must tolerate:
/// each gets a verdict with a reason, never an exception; the legitimate shapes, signed, verify.
/// </summary>
public sealed class CredentialVerifierShapeTests
{
    private VerifierSetup setup = null!;

    [SetUp]
    public void SetUp() => setup = new VerifierSetup();

    [TearDown]
    public void TearDown() => setup.Dispose();

    [Test]
    public async Task VerifyText_RepeatedTopLevelMember_IsUnreadableNamingIt()
    {
        var text = setup.Sign(VerifierSetup.Unsigned()).ToJsonString();
        text = text.Insert(1, "\"validFrom\":\"2020-01-01T00:00:00Z\",");

        var report = await setup.Verifier.VerifyTextAsync(text, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("the JSON repeats the member `validFrom`").IgnoreCase);
    }

    [Test]
    public async Task VerifyText_RepeatedNestedMember_IsUnreadableNamingIt()
    {
        var text = setup.Sign(VerifierSetup.Unsigned()).ToJsonString();
        var at = text.IndexOf("\"achievement\":{", StringComparison.Ordinal) + "\"achievement\":{".Length;
        text = text.Insert(at, "\"name\":\"Forged title\",");

        var report = await setup.Verifier.VerifyTextAsync(text, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("repeats the member `name`"));
    }

    [Test]
    public async Task VerifyText_LoneSurrogateInAName_IsUnreadable()
    {
        var text = setup.Sign(VerifierSetup.Unsigned()).ToJsonString().Replace("\"identityHash\":\"", "\"identityHash\":\"\\ud800", StringComparison.Ordinal);

        var report = await setup.Verifier.VerifyTextAsync(text, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("not Unicode"));
    }

    [TestCase("""[5]""", TestName = "@context holding a number")]
    [TestCase("""["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", 5, true]""", TestName = "A number among the contexts")]
    [TestCase("""{"@vocab":"https://example.org/"}""", TestName = "@context an object")]
    [TestCase("""["https://www.w3.org/ns/credentials/v2", {"@vocab": 5}]""", TestName = "An object among the contexts")]
    public async Task VerifyJson_ContextOfAnotherShape_HasAVerdict(string context)
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());
        credential["@context"] = JsonNode.Parse(context);

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.AnyOf(Verdict.Unreadable, Verdict.NotGenuine));
        Assert.That(report.Checks, Is.Not.Empty);
    }

    [TestCase("\"false\"", TestName = "hashed as a string")]
    [TestCase("0", TestName = "hashed as a number")]
    [TestCase("null", TestName = "hashed null")]
    public void Summary_HashedNotABoolean_ReadsNoLearnerName(string hashed)
    {
        var credential = VerifierSetup.Unsigned();
        foreach (var identifier in credential["credentialSubject"]!["identifier"]!.AsArray())
        {
            identifier!["hashed"] = JsonNode.Parse(hashed);
        }

        var summary = CredentialSummary.From(credential, "en");

        Assert.That(summary.LearnerName, Is.Null);
        Assert.That(summary.Title, Is.Not.Null);
    }

    [TestCase("\"https://credentials.nova-academy.be/status/1#42\"", TestName = "credentialStatus a string")]
    [TestCase("[\"https://credentials.nova-academy.be/status/1#42\"]", TestName = "credentialStatus entries that are strings")]
    [TestCase("[[{\"type\":\"BitstringStatusListEntry\"}]]", TestName = "credentialStatus entries that are arrays")]
    [TestCase("[5, true, null]", TestName = "credentialStatus entries that are numbers, booleans and null")]
    public async Task VerifyJson_StatusEntriesOfAnotherShape_HaveAStatusVerdict(string status)
    {
        var unsigned = VerifierSetup.Unsigned();
        unsigned["credentialStatus"] = JsonNode.Parse(status);

        var report = await setup.Verifier.VerifyJsonAsync(SignOrKeep(unsigned), setup.Lists, CancellationToken.None);

        Assert.That(report.Checks.Select(c => c.Id), Does.Contain(CheckId.Status));
        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Valid));
    }

    [Test]
    public async Task VerifyJson_IssuerAsPlainUrl_IsValid()
    {
        var unsigned = VerifierSetup.Unsigned();
        unsigned["issuer"] = Samples.IssuerId;

        var report = await setup.Verifier.VerifyJsonAsync(setup.Sign(unsigned), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), Describe(report));
        var summary = CredentialSummary.From(report.Credential!, "en");
        Assert.That((summary.IssuerId, summary.IssuerName, summary.IssuerCountry), Is.EqualTo((Samples.IssuerId, Samples.IssuerId, (string?)null)));
    }

    [Test]
    public async Task VerifyJwt_IssuerAsPlainUrl_IsValid()
    {
        var unsigned = VerifierSetup.Unsigned();
        unsigned["issuer"] = Samples.IssuerId;

        var report = await setup.Verifier.VerifyTextAsync(VcJwtSigner.Sign(unsigned, setup.Keys.Es256), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), Describe(report));
    }

    [Test]
    public async Task VerifyJson_SubjectArray_HasASchemaVerdictAndASummary()
    {
        var unsigned = VerifierSetup.Unsigned();
        var subject = unsigned["credentialSubject"]!.DeepClone();
        unsigned["credentialSubject"] = new JsonArray(subject);

        var report = await setup.Verifier.VerifyJsonAsync(setup.Sign(unsigned), setup.Lists, CancellationToken.None);

        // OB 3.0's schema wants one AchievementSubject: a genuine credential of this shape is not an Open Badge.
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Outcome, Is.EqualTo(CheckOutcome.Pass));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Schema).Outcome, Is.EqualTo(CheckOutcome.Fail));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(CredentialSummary.From(report.Credential!, "en").LearnerName, Is.Not.Null);
    }

    [Test]
    public async Task VerifyJwt_SubjectArray_IsReadAndHasAVerdict()
    {
        var unsigned = VerifierSetup.Unsigned();
        unsigned["credentialSubject"] = new JsonArray(unsigned["credentialSubject"]!.DeepClone());

        var report = await setup.Verifier.VerifyTextAsync(VcJwtSigner.Sign(unsigned, setup.Keys.Es256), setup.Lists, CancellationToken.None);

        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Outcome, Is.EqualTo(CheckOutcome.Pass), Describe(report));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
    }

    [Test]
    public async Task VerifyJson_AchievementAsIri_HasASchemaVerdictAndASummary()
    {
        var unsigned = VerifierSetup.Unsigned();
        unsigned["credentialSubject"]!["achievement"] = "https://credentials.nova-academy.be/achievements/DSH-101";

        var report = await setup.Verifier.VerifyJsonAsync(SignOrKeep(unsigned), setup.Lists, CancellationToken.None);

        Assert.That(report.Checks.Single(c => c.Id == CheckId.Schema).Outcome, Is.EqualTo(CheckOutcome.Fail));
        Assert.That(report.Verdict, Is.AnyOf(Verdict.Unreadable, Verdict.NotGenuine));
        var summary = CredentialSummary.From(report.Credential!, "en");
        Assert.That(summary.Title, Is.EqualTo(JsonRead.String(unsigned["name"])));
    }

    [Test]
    public void Summary_ValueObjects_AreUnwrapped()
    {
        var credential = VerifierSetup.Unsigned();
        var achievement = credential["credentialSubject"]!["achievement"]!.AsObject();
        achievement.Remove("localizedName");
        achievement["name"] = new JsonObject { ["@value"] = "Data Science", ["@language"] = "en" };
        credential["issuer"]!["name"] = new JsonObject { ["@value"] = "Nova" };

        var summary = CredentialSummary.From(credential, "en");

        Assert.That((summary.Title, summary.IssuerName), Is.EqualTo(("Data Science", "Nova")));
    }

    [Test]
    public async Task VerifyJson_UnknownType_IsNotGenuineWithTheJsonLdReason()
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());
        credential["type"]!.AsArray().Add("DiplomaMillCredential");

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Reason, Is.EqualTo(VerificationReasons.SignatureInvalid));
    }

    [TestCase("id", "5")]
    [TestCase("validFrom", "20260210")]
    [TestCase("validUntil", "true")]
    [TestCase("name", "{\"en\": 5}")]
    [TestCase("issuer", "[\"did:web:credentials.nova-academy.be\"]")]
    [TestCase("issuer", "{\"id\": 5, \"name\": [1], \"address\": \"Brussels\"}")]
    [TestCase("type", "\"OpenBadgeCredential\"")]
    [TestCase("proof", "\"z3abc\"")]
    [TestCase("proof", "[5, [], {\"type\": 5, \"verificationMethod\": {\"id\": \"x\"}}]")]
    public async Task VerifyJson_NumbersAndOtherShapesWhereStringsAreExpected_HaveAVerdict(string member, string value)
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());
        credential[member] = JsonNode.Parse(value);

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.AnyOf(Verdict.Unreadable, Verdict.NotGenuine), Describe(report));
        Assert.That(() => CredentialSummary.From(credential, "nl"), Throws.Nothing);
    }

    // A credential whose shape JSON-LD rejects cannot be signed; it is then verified unsigned (still every reader runs).
    private JsonObject SignOrKeep(JsonObject unsigned)
    {
        try
        {
            return setup.Sign(unsigned);
        }
        catch (ArgumentException)
        {
            return unsigned;
        }
    }

    private static string Describe(VerificationReport report) =>
        report.Verdict + ": " + string.Join("; ", report.Checks.Select(c => $"{c.Id} {c.Outcome} {c.Detail}"));
}
