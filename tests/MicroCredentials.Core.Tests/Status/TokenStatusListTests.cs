using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using MicroCredentials.Jwt;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>The IETF Token Status List held to the draft's examples (draft-ietf-oauth-status-list §4.1, Appendix).</summary>
public sealed class TokenStatusListTests
{
    private static readonly int[] OneBitStatuses = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];

    [Test]
    public void Encode_DraftOneBitExample_GivesTheDraftLst()
    {
        var list = TokenStatusList.Create(1, 16);
        for (var i = 0; i < OneBitStatuses.Length; i++)
        {
            list.Set(i, OneBitStatuses[i]);
        }

        Assert.That(list.Bytes.ToArray(), Is.EqualTo(new byte[] { 0xB9, 0xA3 }));
        Assert.That(list.Encode(), Is.EqualTo("eNrbuRgAAhcBXQ"));
    }

    [Test]
    public void Decode_DraftOneBitExample_GivesTheStatuses()
    {
        var list = TokenStatusList.TryDecode(1, "eNrbuRgAAhcBXQ", out var error)!;
        Assert.That(error, Is.Null);
        Assert.That(Enumerable.Range(0, 16).Select(list.Get), Is.EqualTo(OneBitStatuses));
    }

    [Test]
    public void Decode_DraftTwoBitExample_GivesTheBytes()
    {
        var list = TokenStatusList.TryDecode(2, "eNo76fITAAPfAgc", out _)!;
        Assert.That(list.Bytes.ToArray(), Is.EqualTo(new byte[] { 0xC9, 0x44, 0xF9 }));
        // 0xC9 = 11 00 10 01: statuses 0..3 are 1, 2, 0, 3 (least significant bits first).
        Assert.That(Enumerable.Range(0, 4).Select(list.Get), Is.EqualTo(new[] { 1, 2, 0, 3 }));
    }

    [Test]
    public void FromBitstrings_SameIndexes_RevokedInvalidSuspendedSuspended()
    {
        var revocation = new Bitstring();
        var suspension = new Bitstring();
        revocation.Set(7, true);
        revocation.Set(130_000, true);
        suspension.Set(9, true);
        suspension.Set(7, true); // revoked wins over suspended

        var oneBit = TokenStatusList.FromBitstrings(revocation);
        var twoBit = TokenStatusList.FromBitstrings(revocation, suspension);

        Assert.That(new[] { oneBit.Get(7), oneBit.Get(130_000), oneBit.Get(9), oneBit.Get(8) }, Is.EqualTo(new[] { 1, 1, 0, 0 }));
        Assert.That(new[] { twoBit.Get(7), twoBit.Get(130_000), twoBit.Get(9), twoBit.Get(8) }, Is.EqualTo(new[] { 1, 1, 2, 0 }));
        Assert.That(oneBit.Count, Is.EqualTo(revocation.Length));
    }

    [Test]
    public void Decode_OnePastInflateBound_Refused()
    {
        Assert.That(TokenStatusList.TryDecode(1, Zlib(CoreLimits.TokenStatusListInflatedBytes), out _), Is.Not.Null);
        Assert.That(TokenStatusList.TryDecode(1, Zlib(CoreLimits.TokenStatusListInflatedBytes + 1), out var error), Is.Null);
        Assert.That(error, Does.Contain("inflates to more than"));
    }

    [TestCase(3, "eNrbuRgAAhcBXQ", TestName = "Decode_ThreeBits_Refused")]
    [TestCase(1, "not base64!", TestName = "Decode_NotBase64_Refused")]
    [TestCase(1, "AAAA", TestName = "Decode_NotZlib_Refused")]
    public void Decode_Bad_Refused(int bits, string lst) => Assert.That(TokenStatusList.TryDecode(bits, lst, out _), Is.Null);

    [Test]
    public void Token_SignedAndRead_RoundTripsAndChecksSubAndKey()
    {
        using var key = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        var list = TokenStatusList.Create(1, 131_072);
        list.Set(4242, TokenStatusList.Invalid);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
        var jwt = TokenStatusListToken.Sign(list, "https://issuer.example/status/1/token", at, TimeSpan.FromMinutes(5), key);
        var keys = new JwtKeyResolver([key.PublicKey]);

        var read = TokenStatusListToken.TryRead(jwt, "https://issuer.example/status/1/token", keys, at, out var error);
        Assert.That(error, Is.Null);
        Assert.That(read!.Get(4242), Is.EqualTo(TokenStatusList.Invalid));
        Assert.That(read.Get(4241), Is.EqualTo(TokenStatusList.Valid));

        Assert.That(TokenStatusListToken.TryRead(jwt, "https://issuer.example/status/2/token", keys, at, out _), Is.Null, "foreign sub");
        using var other = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        Assert.That(TokenStatusListToken.TryRead(jwt, "https://issuer.example/status/1/token", new JwtKeyResolver([other.PublicKey]), at, out _), Is.Null, "other key");
        Assert.That(TokenStatusListToken.TryRead(jwt, "https://issuer.example/status/1/token", keys, at.AddDays(2), out _), Is.Null, "expired");
    }

    [Test]
    public void Token_OnePastLength_Refused()
    {
        var tooLong = new string('A', CoreLimits.TokenStatusListTokenLength + 1);
        Assert.That(TokenStatusListToken.TryRead(tooLong, "u", new JwtKeyResolver([]), DateTimeOffset.UnixEpoch, out var error), Is.Null);
        Assert.That(error, Does.Contain("longer than"));
    }

    private static string Zlib(int zeroBytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[zeroBytes]);
        }

        return Base64Url.EncodeToString(output.ToArray());
    }
}
