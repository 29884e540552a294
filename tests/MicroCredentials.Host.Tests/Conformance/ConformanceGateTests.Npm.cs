using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests.Conformance;

// What the independent npm verifiers said about the credentials (run once in OneTimeSetUp, printed there).
public sealed partial class ConformanceGateTests
{
    private static readonly string[] DefaultCredentials = ["default-valid", "default-revoked", "default-suspended"];

    [Test]
    public void Gate_NoNetwork_EveryUrlTheVerifiersReadWasTheHostsOrAFixture()
    {
        Assert.That(Gate["refused"]!.AsArray(), Is.Empty);
        Assert.That(Gate["fetched"]!.AsArray().Select(f => (string?)f!["url"]), Has.Some.Contains("/.well-known/did.json"), "did:web was resolved against the host");
        Assert.That(Gate["fetched"]!.AsArray().Select(f => (string?)f!["url"]), Has.Some.Contains("/status/"), "the status list was read from the host");
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public void Ajv_DefaultCredential_ValidAgainstThe1EdTechOb3SchemaWithZeroErrors(string name)
    {
        var ajv = Result(name)["ajv"]!;

        Assert.That(ajv["errors"]!.AsArray(), Is.Empty);
        Assert.That((bool)ajv["valid"]!, Is.True);
        Assert.That(issued[name].Credential["credentialStatus"], Is.InstanceOf<JsonObject>(), "one status object");
        Assert.That((string?)issued[name].Credential["credentialStatus"]!["statusPurpose"], Is.EqualTo("revocation"));
    }

    [Test]
    public void Ajv_TwoEntryProfile_FailsTheOb3SchemaAtCredentialStatus()
    {
        var ajv = Result("two-entry-suspended")["ajv"]!;

        Assert.That((bool)ajv["valid"]!, Is.False, "negative control: the two-entry array is not valid OB 3.0");
        Assert.That(ajv["errors"]!.AsArray().Select(e => (string?)e), Has.Some.StartWith("/credentialStatus"));
    }

    [TestCase("default-valid", true, null)]
    [TestCase("default-revoked", false, null)]
    [TestCase("default-suspended", true, null)]
    [TestCase("two-entry-suspended", true, false)]
    public void Dcc_Credential_SignatureAndExpiryValidAndStatusAsExpected(string name, bool notRevoked, bool? notSuspended)
    {
        var result = Result(name);

        Assert.That(result["dcc"]!["errors"]!.AsArray(), Is.Empty, "no fatal error (did:web resolved, contexts loaded, signature checked)");
        Assert.That((bool?)Step(result, "valid_signature")?["valid"], Is.True);
        Assert.That((bool?)Step(result, "expiration")?["valid"], Is.True);
        // default-suspended: suspension is the issuer's own state, so DCC sees it as not revoked (the documented trade-off).
        Assert.That((bool?)Step(result, "revocation_status")?["valid"], Is.EqualTo(notRevoked), Step(result, "revocation_status")?.ToJsonString());
        // Only the two-entry profile tells DCC about a suspension (verifier-core 1.0.0-beta.11 reports it as its own step).
        Assert.That((bool?)Step(result, "suspension_status")?["valid"], Is.EqualTo(notSuspended), Step(result, "suspension_status")?.ToJsonString());
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public void Dcc_DefaultCredential_ItsOwnSchemaCheckPasses(string name)
    {
        var schema = Result(name)["dcc"]!["schema"]!.AsArray().Single()!.AsArray().Single()!;

        Assert.That((bool?)schema["valid"], Is.True, schema.ToJsonString());
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public void JsonLdSafeMode_DefaultCredential_EveryTermDefined(string name) =>
        Assert.That((bool?)Result(name)["jsonld"]!["ok"], Is.True, Result(name)["jsonld"]!.ToJsonString());

    [TestCaseSource(nameof(DefaultCredentials))]
    public void Jose_DefaultJwt_VerifiesWithTheKeyItsKidNamesInTheHostsJwks(string name)
    {
        var jwt = Result(name)["jwt"]!;

        Assert.That((bool?)jwt["ok"], Is.True, jwt.ToJsonString());
        Assert.That((string?)jwt["header"]!["alg"], Is.AnyOf("RS256", "ES256"));
    }
}
