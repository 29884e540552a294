using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Jwt;

public sealed partial class VcJwtVerifierTests
{
    // A day after the sample credential's validFrom (2025-06-30T09:00:00Z).
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static JwtKeyResolver Keys => TestKeys.Demo.JwtKeyResolver;

    private static JwtVerificationResult Verify(string? jwt, DateTimeOffset? now = null, VcJwtVerificationOptions? options = null) =>
        VcJwtVerifier.Verify(jwt, Keys, new FakeTimeProvider(now ?? Now), options);

    [TestCase("ES256")]
    [TestCase("RS256")]
    public void Verify_RoundTrip_ReturnsCredentialWithClaims(string alg)
    {
        var credential = TestKeys.Credential();
        var key = TestKeys.Demo.GetJwtSigningKey(alg);

        var result = Verify(VcJwtSigner.Sign(credential, key));

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(result.Failure, Is.Null);
        Assert.That(result.KeyId, Is.EqualTo(key.KeyId));
        Assert.That(result.Algorithm, Is.EqualTo(alg));
        Assert.That(JsonNode.DeepEquals(result.Credential, JwtTestTokens.Payload(credential)), Is.True);
    }

    [Test]
    public void Verify_SubjectWithoutIdAndValidUntil_IsValid()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(subjectId: null, validUntil: "2030-01-01T00:00:00Z"), TestKeys.Demo.Rs256);

        Assert.That(Verify(jwt).IsValid, Is.True);
    }

    [Test]
    public void Verify_NullToken_ReturnsMalformed()
    {
        Assert.That(Verify(null).Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }

    [Test]
    public void Verify_RetiredKeyInSet_IsValid()
    {
        using var retired = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var oldKey = JwtSigningKey.FromECDsa(retired, TestKeys.IssuerId);
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), oldKey);
        var keys = new JwtKeyResolver([.. TestKeys.Demo.JwtPublicKeys, oldKey.PublicKey]);

        var result = VcJwtVerifier.Verify(jwt, keys, new FakeTimeProvider(Now));

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_BeforeValidFromBeyondSkew_ReturnsNotYetValid()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        var result = Verify(jwt, new DateTimeOffset(2025, 6, 30, 8, 58, 59, TimeSpan.Zero));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.NotYetValid));
    }

    [Test]
    public void Verify_BeforeValidFromWithinSkew_IsValid()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        Assert.That(Verify(jwt, new DateTimeOffset(2025, 6, 30, 8, 59, 30, TimeSpan.Zero)).IsValid, Is.True);
    }

    [Test]
    public void Verify_BeforeValidFromWithZeroSkew_ReturnsNotYetValid()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        var result = Verify(jwt, new DateTimeOffset(2025, 6, 30, 8, 59, 59, TimeSpan.Zero), new VcJwtVerificationOptions { ClockSkew = TimeSpan.Zero });

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.NotYetValid));
    }

    [Test]
    public void Verify_AfterValidUntil_ReturnsExpired()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(validUntil: "2026-01-01T00:00:00Z"), TestKeys.Demo.Es256);

        Assert.That(Verify(jwt, new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero)).Failure, Is.EqualTo(JwtVerificationFailure.Expired));
        Assert.That(Verify(jwt, new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero)).IsValid, Is.True);
    }

    [Test]
    public void Verify_ClockAdvancesPastValidUntil_ReturnsExpired()
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(validUntil: "2025-07-02T00:00:00Z"), TestKeys.Demo.Rs256);
        var clock = new FakeTimeProvider(Now);
        Assert.That(VcJwtVerifier.Verify(jwt, Keys, clock).IsValid, Is.True);

        clock.Advance(TimeSpan.FromDays(2));

        Assert.That(VcJwtVerifier.Verify(jwt, Keys, clock).Failure, Is.EqualTo(JwtVerificationFailure.Expired));
    }

    [Test]
    public void Verify_NegativeSkew_Throws()
    {
        Assert.That(() => Verify("a.b.c", options: new VcJwtVerificationOptions { ClockSkew = TimeSpan.FromSeconds(-1) }), Throws.ArgumentException);
    }
}
