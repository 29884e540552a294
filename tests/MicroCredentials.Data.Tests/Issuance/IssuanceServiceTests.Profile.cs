using System.Text.Json.Nodes;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Issuance;
using MicroCredentials.Verification;

namespace MicroCredentials.Data.Tests.Issuance;

// The default credential is conformant (one revocation entry, identity by name); the two-entry profile and the
// e-mail hash are options.
public sealed partial class IssuanceServiceTests
{
    [Test]
    public async Task Issue_Default_OneRevocationObjectValidAgainstOb3SchemaAndNoEmailHash()
    {
        var result = (await IssueSamplesAsync())[0];
        var json = JsonNode.Parse(result.Credential!.CredentialJson)!.AsObject();
        var status = json["credentialStatus"]!.AsObject();

        Assert.That(SchemaValidator.ValidateOb3(json), Is.Empty);
        Assert.That((string?)status["statusListCredential"], Is.EqualTo($"{BaseUrl.ToString().TrimEnd('/')}/status/{result.Credential.Status.Revocation.ListId}"));
        Assert.That((string?)status["statusListIndex"], Is.EqualTo(result.Credential.Status.Revocation.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(json["credentialSubject"]!["identifier"]!.AsArray().Select(i => (string?)i!["identityType"]), Is.EqualTo(new[] { "name" }));
        Assert.That(result.Credential.CredentialJson, Does.Not.Contain("sha256$"));
    }

    [Test]
    public async Task Issue_TwoEntryProfileAndEmailHashOptedIn_ArrayFailsOb3SchemaAndHashMatches()
    {
        var options = new IssuanceOptions { PublicBaseUrl = BaseUrl, IncludeSuspensionStatus = true, IncludeEmailHash = true };
        var twoEntry = new IssuanceService(store!, keys!, time, options, new byte[32]);
        var row = SampleCsv().Rows[0];

        var result = await twoEntry.IssueAsync(Catalog, row, "test", CancellationToken.None);
        var json = JsonNode.Parse(result.Credential!.CredentialJson)!.AsObject();

        Assert.That(json["credentialStatus"]!.AsArray().Select(s => (string?)s!["statusPurpose"]), Is.EqualTo(new[] { "revocation", "suspension" }));
        Assert.That(SchemaValidator.ValidateOb3(json), Has.Some.StartWith("/credentialStatus"), "the OB 3.0 schema allows one object");
        var email = json["credentialSubject"]!["identifier"]!.AsArray().Single(i => (string?)i!["identityType"] == "emailAddress")!;
        Assert.That(IdentityHash.Sha256(row.NormalizedEmail, (string)email["salt"]!), Is.EqualTo((string?)email["identityHash"]));
    }

    [Test]
    public async Task Suspend_DefaultProfile_IssuersRecordPairsTheRevocationIndex()
    {
        var result = (await IssueSamplesAsync())[0];
        var revocation = result.Credential!.Status.Revocation;

        Assert.That(await Service.SuspendAsync(result.Credential.Id, "check", "test", CancellationToken.None), Is.EqualTo(StatusChangeOutcome.Changed));
        var record = await store!.GetSuspensionRecordAsync(revocation.ListId, CancellationToken.None);
        Assert.That(record!.SetIndexes, Is.EqualTo(new[] { revocation.Index }));

        Assert.That(await Service.UnsuspendAsync(result.Credential.Id, "ok", "test", CancellationToken.None), Is.EqualTo(StatusChangeOutcome.Changed));
        Assert.That((await store.GetSuspensionRecordAsync(revocation.ListId, CancellationToken.None))!.SetIndexes, Is.Empty);
    }
}
