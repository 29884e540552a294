using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>Garbage in, a failure value out — never an exception.</summary>
public sealed partial class VcJwtVerifierTests
{
    private static IEnumerable<TestCaseData> Garbage()
    {
        var valid = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);
        var parts = valid.Split('.');
        yield return Case("empty", "");
        yield return Case("one dot", ".");
        yield return Case("two dots", "..");
        yield return Case("two parts", parts[0] + "." + parts[1]);
        yield return Case("four parts", valid + ".AAAA");
        yield return Case("bad base64 header", "ey!J." + parts[1] + "." + parts[2]);
        yield return Case("padded header", parts[0] + "=." + parts[1] + "." + parts[2]);
        yield return Case("whitespace in header", parts[0][..5] + " " + parts[0][5..] + "." + parts[1] + "." + parts[2]);
        yield return Case("header not json", JwtTestTokens.B64("not json") + "." + parts[1] + "." + parts[2]);
        yield return Case("header json array", JwtTestTokens.B64("[{\"alg\":\"ES256\"}]") + "." + parts[1] + "." + parts[2]);
        yield return Case("header json null", JwtTestTokens.B64("null") + "." + parts[1] + "." + parts[2]);
        yield return Case("header alg number", JwtTestTokens.B64("{\"alg\":256}") + "." + parts[1] + "." + parts[2]);
        yield return Case("header deeply nested", JwtTestTokens.B64("{\"alg\":\"ES256\",\"jwk\":" + new string('[', 500) + new string(']', 500) + "}") + "." + parts[1] + "." + parts[2]);
        yield return Case("huge header", JwtTestTokens.B64("{\"alg\":\"ES256\",\"kid\":\"" + new string('a', 20_000) + "\"}") + "." + parts[1] + "." + parts[2]);
        yield return Case("header invalid utf8", JwtTestTokens.B64(new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D }) + "." + parts[1] + "." + parts[2]);
        yield return Case("kid number", JwtTestTokens.B64("{\"alg\":\"ES256\",\"kid\":5}") + "." + parts[1] + "." + parts[2]);
        yield return Case("jwk string", JwtTestTokens.B64("{\"alg\":\"ES256\",\"jwk\":\"x\"}") + "." + parts[1] + "." + parts[2]);
        yield return Case("jwk garbage ec", JwtTestTokens.B64("{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"!\",\"y\":5}}") + "." + parts[1] + "." + parts[2]);
        yield return Case("bad base64 payload", parts[0] + ".%%%." + parts[2]);
        yield return Case("empty signature", parts[0] + "." + parts[1] + ".");
        yield return Case("bad base64 signature", parts[0] + "." + parts[1] + ".@@@@");
        yield return Case("short signature", parts[0] + "." + parts[1] + ".AAAA");
        yield return Case("binary noise", "\0\u0001\uFFFF.\uD800.x");

        static TestCaseData Case(string name, string jwt) =>
            new TestCaseData(jwt) { TestName = "Verify_Garbage_" + name.Replace(' ', '_') };
    }

    [TestCaseSource(nameof(Garbage))]
    public void Verify_Garbage_ReturnsFailureWithoutThrowing(string jwt)
    {
        JwtVerificationResult? result = null;

        Assert.That(() => result = Verify(jwt), Throws.Nothing);
        Assert.That(result!.IsValid, Is.False);
        Assert.That(result.Failure, Is.Not.Null);
        Assert.That(result.Credential, Is.Null);
    }

    [Test]
    public void Verify_EveryTruncation_NeverThrowsNorSucceeds()
    {
        var valid = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        var outcomes = Enumerable.Range(0, valid.Length).Select(length => Verify(valid[..length])).ToList();

        Assert.That(outcomes.Where(r => r.IsValid), Is.Empty);
    }

    [Test]
    public void Verify_EverySingleCharacterFlip_NeverThrowsNorSucceeds()
    {
        var valid = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        var outcomes = Enumerable.Range(0, valid.Length).Where(i => valid[i] != '.')
            .Select(i => Verify(valid[..i] + (valid[i] == 'x' ? 'y' : 'x') + valid[(i + 1)..]))
            .ToList();

        Assert.That(outcomes.Where(r => r.IsValid), Is.Empty);
    }

    [Test]
    public void Verify_NonCanonicalBase64Signature_ReturnsMalformed()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var valid = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);
        // 64 signature bytes are 86 characters; the low 4 bits of the last one are unused and must be zero.
        var last = Alphabet.IndexOf(valid[^1], StringComparison.Ordinal);

        var result = Verify(valid[..^1] + Alphabet[last | 1]);

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }

    [Test]
    public void Verify_TooLongToken_ReturnsMalformed()
    {
        var valid = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256);

        var result = Verify(valid, options: new VcJwtVerificationOptions { MaxTokenLength = valid.Length - 1 });

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }
}
