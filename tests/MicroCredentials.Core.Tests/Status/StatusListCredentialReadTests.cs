using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusListCredentialReadTests
{
    private static JsonObject ValidatorSample() => JsonNode.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Standards, "ob3", "samples", "validator-bitstring-status-list-credential.json")))!.AsObject();

    [Test]
    public void Read_ValidatorSample_ReadsIssuerPurposeAndBit23()
    {
        var read = StatusListCredential.Read(ValidatorSample());

        Assert.That(read.Succeeded, Is.True, read.Detail);
        Assert.That(read.Credential!.Issuer, Is.EqualTo("https://1edtech.edu/issuers/565049"));
        Assert.That(read.Credential.StatusPurposes, Is.EqualTo(new[] { "revocation" }));
        Assert.That(read.Credential.Ttl, Is.Null);
        Assert.That(read.Credential.ValidFrom, Is.EqualTo(new DateTimeOffset(2021, 4, 5, 14, 27, 40, TimeSpan.Zero)));
        Assert.That(read.Credential.List.SetIndexes(), Is.EqualTo(new[] { 23 }));
    }

    [Test]
    public void Read_IssuerObjectAndPurposeArray_Accepted()
    {
        var document = ValidatorSample();
        document["issuer"] = new JsonObject { ["id"] = "did:web:x.example", ["name"] = "X" };
        document["credentialSubject"]!["statusPurpose"] = new JsonArray("revocation", "suspension");

        var read = StatusListCredential.Read(document);

        Assert.That(read.Credential!.Issuer, Is.EqualTo("did:web:x.example"));
        Assert.That(read.Credential.StatusPurposes, Is.EqualTo(new[] { "revocation", "suspension" }));
    }

    [TestCase("type", TestName = "Read_NoType_NotStatusListCredential")]
    [TestCase("credentialSubject", TestName = "Read_NoSubject_NotStatusListCredential")]
    public void Read_Missing_NotStatusListCredential(string property)
    {
        var document = ValidatorSample();
        document.Remove(property);

        Assert.That(StatusListCredential.Read(document).Failure, Is.EqualTo(StatusListReadFailure.NotStatusListCredential));
    }

    [TestCase("statusPurpose", null, StatusListReadFailure.MalformedValue, TestName = "Read_NoPurpose_Malformed")]
    [TestCase("encodedList", null, StatusListReadFailure.MalformedValue, TestName = "Read_NoEncodedList_Malformed")]
    [TestCase("ttl", "\"soon\"", StatusListReadFailure.MalformedValue, TestName = "Read_TtlString_Malformed")]
    [TestCase("ttl", "-1", StatusListReadFailure.MalformedValue, TestName = "Read_TtlNegative_Malformed")]
    [TestCase("encodedList", "\"uAAAA\"", StatusListReadFailure.EncodedListInvalid, TestName = "Read_EncodedListNotGzip_EncodedListInvalid")]
    [TestCase("type", "\"StatusList2021\"", StatusListReadFailure.NotStatusListCredential, TestName = "Read_SubjectWrongType_NotStatusListCredential")]
    public void Read_BadSubjectProperty_Fails(string property, string? json, StatusListReadFailure expected)
    {
        var document = ValidatorSample();
        var subject = document["credentialSubject"]!.AsObject();
        subject.Remove(property);
        if (json is not null)
        {
            subject[property] = JsonNode.Parse(json);
        }

        var read = StatusListCredential.Read(document);

        Assert.That(read.Failure, Is.EqualTo(expected));
        Assert.That(read.Detail, Is.Not.Empty);
    }

    [Test]
    public void Read_ShortList_ListTooShort()
    {
        var document = ValidatorSample();
        document["credentialSubject"]!["encodedList"] = BitstringTests.Gzip(new byte[1_024]);

        Assert.That(StatusListCredential.Read(document).Failure, Is.EqualTo(StatusListReadFailure.ListTooShort));
    }

    [Test]
    public void Read_BadValidFrom_Malformed()
    {
        var document = ValidatorSample();
        document["validFrom"] = "last tuesday";

        Assert.That(StatusListCredential.Read(document).Failure, Is.EqualTo(StatusListReadFailure.MalformedValue));
    }
}
