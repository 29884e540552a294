using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Model;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

// Several status entries: each is checked against the schema's CredentialStatus on its own, and the array itself is
// reported as not valid against the OB 3.0 schema (a warning: VC 2.0 allows it). These tests pin that an entry alone
// yields the error the single-object form would, located at its index.
public sealed class CredentialVerifierSchemaTests
{
    private const string List = "https://credentials.nova-academy.be/status/1";

    private static JsonObject Entry(string purpose, int index) => new()
    {
        ["id"] = $"{List}#{index}", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture), ["statusListCredential"] = List,
    };

    private static JsonObject WithStatuses(params JsonObject[] entries)
    {
        var credential = CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());
        credential["credentialStatus"] = new JsonArray(entries.Cast<JsonNode>().ToArray());
        return credential;
    }

    [Test]
    public void CheckSchema_TwoValidStatusEntries_WarnsThatTheOb3SchemaAllowsOneObject()
    {
        var credential = WithStatuses(Entry("revocation", 5), Entry("suspension", 5));

        var check = CredentialVerifier.CheckSchema(credential);

        Assert.That(SchemaValidator.ValidateOb3(credential), Is.Not.Empty, "the OB 3.0 schema itself rejects the array");
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Warning));
        Assert.That(check.Reason, Is.EqualTo(VerificationReasons.SchemaStatusArray));
        Assert.That(check.Detail, Does.StartWith("Not valid against the Open Badges 3.0 schema: /credentialStatus is an array of 2 entries"));
        Assert.That(check.Detail, Does.Contain("one CredentialStatus object").And.Contain("VC 2.0 allows several"));
    }

    [Test]
    public void CheckSchema_OneStatusObject_Passes()
    {
        var credential = WithStatuses();
        credential["credentialStatus"] = Entry("revocation", 5);

        Assert.That(CredentialVerifier.CheckSchema(credential).Outcome, Is.EqualTo(CheckOutcome.Pass));
    }

    [Test]
    public void CheckSchema_StatusEntryWithoutType_FailsWithTheErrorTheSingleEntryFormGivesAtItsIndex()
    {
        var bad = Entry("suspension", 7);
        bad.Remove("type");
        var credential = WithStatuses(Entry("revocation", 7), bad);
        var whole = credential.DeepClone().AsObject();
        whole["credentialStatus"] = bad.DeepClone();
        var single = SchemaValidator.ValidateOb3(whole);

        var check = CredentialVerifier.CheckSchema(credential);

        Assert.That(single, Is.EqualTo(new[] { "/credentialStatus: the required property \"type\" is missing." }));
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Fail));
        Assert.That(check.Detail, Is.EqualTo(
            "/credentialStatus: is an array of 2 entries; the OB 3.0 schema allows one object. /credentialStatus/1: the required property \"type\" is missing."));
    }
}
