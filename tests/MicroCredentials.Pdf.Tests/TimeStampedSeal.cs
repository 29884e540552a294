using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using MicroCredentials.Net;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Seals certificates with the loopback test TSA and takes the CMS back out of a sealed PDF.</summary>
internal static class TimeStampedSeal
{
    /// <summary>The time the test TSA writes into its tokens (one hour after the seal's signing-time).</summary>
    public static readonly DateTimeOffset TsaTime = CertificateFixture.SigningTime.AddHours(1);

    public static TimeStampClient Client(string url, TimeSpan? timeout = null) =>
        new(url, PublicHttpOptions.LoopbackForTesting, timeout);

    public static async Task<SealResult> SealAsync(TimeStampTestServer tsa, TimeSpan? timeout = null) =>
        await SealAsync(tsa.Url, timeout);

    public static async Task<SealResult> SealAsync(string url, TimeSpan? timeout = null)
    {
        using var seal = RepositoryPaths.DemoSeal();
        using var client = Client(url, timeout);
        return await new CertificateDocument(TestCredentials.Model()).GenerateSignedPdfAsync(seal, CertificateFixture.SigningTime, client,
            CancellationToken.None);
    }

    /// <summary>The seal's CMS as written in <c>/Contents</c> (padding cut off).</summary>
    public static SignedCms Cms(byte[] pdf)
    {
        var (start, length) = ContentsHex(pdf);
        var der = Convert.FromHexString(Encoding.ASCII.GetString(pdf, start, length));
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var used);
        var cms = new SignedCms();
        cms.Decode(der[..used]);
        return cms;
    }

    /// <summary>The time-stamp token in the seal's unsigned attributes.</summary>
    public static Rfc3161TimestampToken Token(SignedCms cms)
    {
        var value = cms.SignerInfos[0].UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.16.2.14").Values[0];
        Assert.That(Rfc3161TimestampToken.TryDecode(value.RawData, out var token, out _), Is.True);
        return token!;
    }

    /// <summary>Writes <paramref name="cms"/> into the seal's <c>/Contents</c> as we do (upper-case hex, zero padding).</summary>
    public static void ReplaceContents(byte[] pdf, byte[] cms)
    {
        var (start, length) = ContentsHex(pdf);
        var hex = Convert.ToHexString(cms);
        Assert.That(hex.Length, Is.LessThanOrEqualTo(length));
        Encoding.ASCII.GetBytes(hex.PadRight(length, '0')).CopyTo(pdf, start);
    }

    /// <summary>Offset and length of the hex digits of the (last) <c>/Contents &lt;…&gt;</c>.</summary>
    public static (int Start, int Length) ContentsHex(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var byteRange = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        var numbers = text[(text.IndexOf('[', byteRange) + 1)..text.IndexOf(']', byteRange)]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return (numbers[1] + 1, numbers[2] - numbers[1] - 2);
    }
}
