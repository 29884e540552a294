using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Issuance;
using MicroCredentials.Model;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Issuance;

public sealed class CredentialFactoryTests
{
    private static IEnumerable<TestCaseData> SampleCredentials() =>
        Samples.IssuedSampleCredentials().Select(c => new TestCaseData(c).SetArgDisplayNames(c.CredentialSubject.LearnerName!));

    [TestCaseSource(nameof(SampleCredentials))]
    public void Create_SampleLearner_ValidatesAgainstOb3Schema(OpenBadgeCredential credential)
    {
        var json = CredentialJson.ToJsonObject(credential);

        Assert.That(SchemaValidator.ValidateOb3(json), Is.Empty);
        Assert.That(SchemaValidator.ValidateMicroCredentialExtension(json), Is.Empty);
    }

    [TestCaseSource(nameof(SampleCredentials))]
    public void Create_SampleLearner_CarriesEveryAnnexIMandatoryElement(OpenBadgeCredential credential)
    {
        var json = CredentialJson.ToJsonObject(credential);
        var subject = json["credentialSubject"]!;
        var achievement = subject["achievement"]!;

        Assert.Multiple(() =>
        {
            Assert.That(subject["identifier"]!.AsArray().Select(i => (string)i!["identityType"]!), Is.EqualTo(new[] { "name" }), "1 learner (by name; no e-mail hash by default)");
            Assert.That((string?)achievement["name"], Is.Not.Empty, "2 title");
            Assert.That(achievement["localizedName"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "nl", "en" }), "2 title nl/en");
            Assert.That((string?)json["issuer"]!["address"]!["addressCountryCode"], Is.EqualTo("BE"), "3 country");
            Assert.That((string?)json["issuer"]!["name"], Is.EqualTo("Nova Academy – Universiteit Nova"), "4 awarding body");
            Assert.That((string?)json["validFrom"], Is.EqualTo("2026-02-10T09:30:15Z"), "5 date of issuing");
            Assert.That(achievement["learningOutcome"]!["en"]!.AsArray(), Is.Not.Empty, "6 learning outcomes");
            Assert.That((decimal)achievement["ectsCredits"]!, Is.GreaterThan(0), "7 workload ECTS");
            Assert.That((string?)achievement["notionalWorkload"], Does.Match("^PT[0-9]+H$"), "7 workload hours");
            Assert.That((string?)achievement["eqfLevel"], Does.StartWith("http://data.europa.eu/snb/eqf/"), "8 level");
            Assert.That(achievement["assessmentType"]!["nl"], Is.Not.Null, "9 assessment");
            Assert.That(achievement["participationMode"]!["en"], Is.Not.Null, "10 participation");
            Assert.That(achievement["qualityAssurance"]!["en"], Is.Not.Null, "11 quality assurance");
        });
    }

    [Test]
    public void Create_Serialized_OmitsNullsAndEmptyArraysAndUsesTypeArrays()
    {
        var credential = Samples.IssuedSampleCredentials().Last();
        var text = CredentialJson.Serialize(credential);
        var json = JsonNode.Parse(text)!;

        Assert.That(text, Does.Not.Contain("null"));
        Assert.That(text, Does.Not.Contain("[]"));
        Assert.That(json["type"], Is.InstanceOf<JsonArray>());
        Assert.That(json["credentialSubject"]!["type"], Is.InstanceOf<JsonArray>());
        Assert.That(json["credentialSubject"]!["achievement"]!["type"], Is.InstanceOf<JsonArray>());
        Assert.That(json["@context"]!.AsArray().Select(c => (string)c!), Is.EqualTo(Ob3Terms.CredentialContexts));
        Assert.That(json["issuanceDate"], Is.Null, "VC 2.0 uses validFrom");
    }

    [Test]
    public void Create_Default_IdentifiesByNameOnlyAndCarriesNoEmailOrHash()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var credential = Samples.Factory(catalog).Create(catalog.Find(row.Code)!, row);
        var text = CredentialJson.Serialize(credential);

        var identity = credential.CredentialSubject.Identifier!.Single();
        Assert.That((identity.IdentityType, identity.Hashed, identity.IdentityHash, identity.Salt), Is.EqualTo(("name", false, row.Name, (string?)null)));
        Assert.That(text, Does.Not.Contain("emailAddress").And.Not.Contain("sha256$").And.Not.Contain("salt"));
        Assert.That(text, Does.Not.Contain(row.Email.Split('@')[0]));
    }

    [Test]
    public void Create_EmailIdentifier_IsSaltedHashOfNormalisedEmail()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0] with { Email = "  An.Peeters@Example.BE " };
        var credential = EmailHashFactory(catalog).Create(catalog.Find(row.Code)!, row);
        var email = credential.CredentialSubject.Identifier!.Single(i => i.IdentityType == "emailAddress");

        Assert.That(email.Hashed, Is.True);
        Assert.That(email.Salt, Has.Length.EqualTo(32));
        Assert.That(email.IdentityHash, Is.EqualTo(IdentityHash.Sha256("an.peeters@example.be", email.Salt!)));
        Assert.That(IdentityHash.Matches(email, "AN.PEETERS@example.be"), Is.True);
        Assert.That(IdentityHash.Matches(email, "someone.else@example.be"), Is.False);
        Assert.That(CredentialJson.Serialize(credential), Does.Not.Contain("peeters@"), "the e-mail never appears in clear");
    }

    [Test]
    public void Create_EmailHashOptIn_IsALookupForWhoeverGuessesTheAddress()
    {
        // The trade-off written next to the option: salt and name are public, so a guessed address is confirmed at once.
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var json = CredentialJson.ToJsonObject(EmailHashFactory(catalog).Create(catalog.Find(row.Code)!, row));
        var email = json["credentialSubject"]!["identifier"]!.AsArray().Single(i => (string?)i!["identityType"] == "emailAddress")!;
        var name = (string)json["credentialSubject"]!["identifier"]!.AsArray().Single(i => (string?)i!["identityType"] == "name")!["identityHash"]!;
        var parts = name.ToLowerInvariant().Split(' ');
        var domain = row.Email.Split('@')[1];
        string[] guesses = [$"{parts[^1]}@{domain}", $"{parts[0][0]}.{parts[^1]}@{domain}", $"{parts[0]}.{parts[^1]}@{domain}"];

        var hit = guesses.FirstOrDefault(g => IdentityHash.Sha256(g, (string)email["salt"]!) == (string)email["identityHash"]!);

        Assert.That(hit, Is.EqualTo(row.Email.Trim().ToLowerInvariant()), $"guessed from the name '{name}' alone");
    }

    private static CredentialFactory EmailHashFactory(MicroCredentials.Catalog.MicroCredentialCatalog catalog) =>
        new(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 9, 30, 15, TimeSpan.Zero)),
            CredentialFactory.BuildIssuer(catalog.Issuer, Samples.IssuerId), Samples.BaseUrl)
        {
            IncludeEmailHash = true,
        };

    [Test]
    public void IdentityHash_SpecVector_Matches() =>
        Assert.That(IdentityHash.Sha256("a@example.com", "Kosher"),
            Is.EqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"));

    [Test]
    public void Create_TwiceForSameLearner_FreshSaltAndIdButSameIdempotencyKey()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var factory = EmailHashFactory(catalog);

        var a = factory.Create(catalog.Find(row.Code)!, row);
        var b = factory.Create(catalog.Find(row.Code)!, row);

        Assert.That(a.Id, Is.Not.EqualTo(b.Id));
        Assert.That(a.Id, Does.Match("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(a.CredentialSubject.Identifier![0].Salt, Is.Not.EqualTo(b.CredentialSubject.Identifier![0].Salt));
        Assert.That(IdempotencyKey.For(row), Is.EqualTo(IdempotencyKey.For(row with { Email = row.Email.ToUpperInvariant(), Grade = "19" })));
    }

    [Test]
    public void Create_GradedCourse_HasResultWithDescription_PassFailHasStatusOnly()
    {
        var credentials = Samples.IssuedSampleCredentials().ToList();
        var graded = credentials.First(c => c.CredentialSubject.Achievement.HumanCode == "MC-DSH");
        var passFail = credentials.First(c => c.CredentialSubject.Achievement.HumanCode == "MC-CBE");

        Assert.That(graded.CredentialSubject.Result![0].Value, Is.EqualTo("15"));
        Assert.That(graded.CredentialSubject.Result![0].ResultDescription, Is.EqualTo(graded.CredentialSubject.Achievement.ResultDescription![0].Id));
        Assert.That(passFail.CredentialSubject.Result![0].Value, Is.Null);
        Assert.That(passFail.CredentialSubject.Result![0].Status, Is.EqualTo("Completed"));
    }

    [Test]
    public void Deserialize_Serialized_RoundTrips()
    {
        var credential = Samples.IssuedSampleCredentials().First();

        var back = CredentialJson.Deserialize(CredentialJson.Serialize(credential));

        Assert.That(CredentialJson.Serialize(back), Is.EqualTo(CredentialJson.Serialize(credential)));
    }
}
