using System.Text.Json.Nodes;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusListCredentialBuilderTests
{
    private const string ListUrl = "https://credentials.example.edu/status/3";
    private const string Issuer = "did:web:credentials.example.edu";
    private static readonly DateTimeOffset ValidFrom = new(2026, 11, 28, 9, 30, 15, 250, TimeSpan.FromHours(1));

    [Test]
    public void Build_RevocationList_HasExactlyTheStandardsShape()
    {
        var list = new Bitstring();
        list.Set(42, true);

        var credential = StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Revocation, list, ValidFrom, TimeSpan.FromDays(1));

        var expected = JsonNode.Parse($$"""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"],
              "id": "{{ListUrl}}",
              "type": ["VerifiableCredential", "BitstringStatusListCredential"],
              "issuer": "{{Issuer}}",
              "validFrom": "2026-11-28T08:30:15Z",
              "credentialSubject": {
                "id": "{{ListUrl}}#list",
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": "{{list.Encode()}}",
                "ttl": 86400000
              }
            }
            """);
        Assert.That(JsonNode.DeepEquals(credential, expected), Is.True, credential.ToJsonString());
        // Member order matters to humans reading the served JSON, not to JSON-LD; keep it as in the spec.
        Assert.That(credential.Select(p => p.Key), Is.EqualTo(new[] { "@context", "id", "type", "issuer", "validFrom", "credentialSubject" }));
    }

    [Test]
    public void Build_WithValidUntil_WritesItAsDateTimeZ()
    {
        var credential = StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Suspension, new Bitstring(), ValidFrom,
            TimeSpan.FromMinutes(5), ValidFrom.AddDays(7));

        Assert.That((string?)credential["validUntil"], Is.EqualTo("2026-12-05T08:30:15Z"));
        Assert.That((string?)credential["credentialSubject"]!["statusPurpose"], Is.EqualTo("suspension"));
        Assert.That((long)credential["credentialSubject"]!["ttl"]!, Is.EqualTo(300_000));
    }

    [Test]
    public void Build_Output_ReadsBackWithTheSameBits()
    {
        var list = new Bitstring();
        list.Set(7, true);
        list.Set(99_999, true);

        var read = StatusListCredential.Read(StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Revocation, list, ValidFrom, TimeSpan.FromHours(1)));

        Assert.That(read.Succeeded, Is.True, read.Detail);
        Assert.That(read.Credential!.List.SetIndexes(), Is.EqualTo(new[] { 7, 99_999 }));
        Assert.That(read.Credential.Issuer, Is.EqualTo(Issuer));
        Assert.That(read.Credential.Id, Is.EqualTo(ListUrl));
        Assert.That(read.Credential.StatusPurposes, Is.EqualTo(new[] { "revocation" }));
        Assert.That(read.Credential.Ttl, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(read.Credential.ValidFrom, Is.EqualTo(new DateTimeOffset(2026, 11, 28, 8, 30, 15, TimeSpan.Zero)));
    }

    [Test]
    public void Build_TermsAreDefinedByTheVcV2Context()
    {
        // No extra context is needed: every subject term is in the BitstringStatusList scoped context of VC 2.0.
        var context = JsonNode.Parse(File.ReadAllText(Path.Combine(Support.RepositoryPaths.Standards, "w3c", "contexts", "credentials-v2.jsonld")))!;
        var scoped = context["@context"]!["BitstringStatusList"]!["@context"]!.AsObject();
        var subject = StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.FromHours(1))["credentialSubject"]!.AsObject();

        Assert.That(subject.Select(p => p.Key), Is.SubsetOf(scoped.Select(p => p.Key)));
        Assert.That(Ob3Terms.VcV2Context, Is.EqualTo("https://www.w3.org/ns/credentials/v2"));
    }

    [TestCase("status/3", TestName = "Build_RelativeUrl_Throws")]
    [TestCase("https://x.example/status/3#list", TestName = "Build_UrlWithFragment_Throws")]
    public void Build_BadUrl_Throws(string url) =>
        Assert.That(() => StatusListCredentialBuilder.Build(url, Issuer, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.FromHours(1)),
            Throws.ArgumentException);

    [Test]
    public void Build_ZeroTtlOrInvertedValidity_Throws()
    {
        Assert.That(() => StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.Zero),
            Throws.ArgumentException);
        Assert.That(() => StatusListCredentialBuilder.Build(ListUrl, Issuer, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.FromHours(1), ValidFrom),
            Throws.ArgumentException);
    }
}
