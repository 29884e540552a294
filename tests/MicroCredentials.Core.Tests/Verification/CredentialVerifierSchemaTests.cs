using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Model;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

// Several status entries: each is checked against the schema's CredentialStatus on its own. These tests pin that an
// entry alone yields the error the single-object form would, located at its index.
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
    public void CheckSchema_TwoValidStatusEntries_Passes() =>
        Assert.That(CredentialVerifier.CheckSchema(WithStatuses(Entry("revocation", 5), Entry("suspension", 5))).Outcome, Is.EqualTo(CheckOutcome.Pass));

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
        Assert.That(check.Detail, Is.EqualTo("/credentialStatus/1: the required property \"type\" is missing."));
    }
}
