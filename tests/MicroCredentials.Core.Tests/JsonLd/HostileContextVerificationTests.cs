using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.DataIntegrity;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.JsonLd;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>
/// Issue 10: a genuine signed credential whose <c>@context</c> gets a hostile context (a 5,000-link compact-IRI prefix
/// chain, which overflowed the stack and killed the process) is verified to a failed proof with a reason.
/// </summary>
public sealed class HostileContextVerificationTests
{
    private static readonly DateTimeOffset Issued = new(2026, 2, 10, 9, 30, 15, TimeSpan.Zero);

    private static JsonObject WithContext(JsonObject signed, JsonNode hostile)
    {
        signed["@context"]!.AsArray().Add(hostile);
        return signed;
    }

    [TestCase(5001, JsonLdErrorCodes.ContextOverflow, TestName = "Verify_PrefixChainOf5000_FailsWithContextOverflow")]
    [TestCase(CoreLimits.JsonLdMaxTermDefinitionDepth + 1, JsonLdErrorCodes.InvalidIriMapping, TestName = "Verify_PrefixChainOnePastDepth_FailsWithInvalidIriMapping")]
    public void DataIntegrityVerify_HostilePrefixChain_FailsWithReason(int terms, string errorCode)
    {
        var credential = WithContext(RichCredential.Signed(), JsonLdLimitsTests.PrefixChain(terms));

        var result = DataIntegrityVerifier.Verify(credential, RichCredential.Resolve);

        Assert.That(result.Failure, Is.EqualTo(DataIntegrityFailure.CanonicalizationFailed));
        Assert.That(result.Detail, Does.Contain(errorCode));
    }

    [Test]
    public async Task CredentialVerifier_PrefixChainOf5000_IsNotGenuineWithReason()
    {
        using var keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(RepositoryPaths.Root, "keys.example"), "demo"), Samples.IssuerId);
        using var http = new HttpClient();
        var time = new FakeTimeProvider(Issued.AddDays(30));
        var checker = new StatusChecker(new StatusListClient(http, time), StatusListProof.Verifier(keys), time);
        var verifier = new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver, checker, time);
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var credential = Samples.Factory(catalog, new FakeTimeProvider(Issued)).Create(catalog.Find(row.Code)!, row, []);
        var signed = DataIntegritySigner.Sign(CredentialJson.ToJsonObject(credential), keys.Ed25519Key, keys.VerificationMethodId, Issued);
        Assume.That((await verifier.VerifyJsonAsync(signed.DeepClone().AsObject(), null, CancellationToken.None)).Verdict, Is.EqualTo(Verdict.Valid));

        var report = await verifier.VerifyJsonAsync(WithContext(signed, JsonLdLimitsTests.PrefixChain(5001)), null, CancellationToken.None);

        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Valid));
        var proof = report.Checks.Single(c => c.Id == CheckId.Proof);
        Assert.That(proof.Outcome, Is.EqualTo(CheckOutcome.Fail));
        Assert.That(proof.Detail, Does.Contain(JsonLdErrorCodes.ContextOverflow));
    }
}
