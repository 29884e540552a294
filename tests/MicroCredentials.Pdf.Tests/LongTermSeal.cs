using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Net;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Seals certificates at PAdES B-LT with the loopback TSA and the loopback test PKI, and reads their DSS back.</summary>
internal static class LongTermSeal
{
    public static async Task<SealResult> SealAsync(TimeStampTestServer tsa, X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain,
        TimeSpan? timeout = null)
    {
        using var timeStamps = TimeStampedSeal.Client(tsa.Url);
        using var revocation = new RevocationClient(PublicHttpOptions.LoopbackForTesting, timeout);
        return await new CertificateDocument(TestCredentials.Model()).GenerateSignedPdfAsync(seal, chain, CertificateFixture.SigningTime,
            timeStamps, revocation, CancellationToken.None);
    }

    /// <summary>The catalogue's DSS dictionary (the newest revision's).</summary>
    public static DictionaryToken Dss(PigDocument document) =>
        (DictionaryToken)document.Structure.GetObject(
            ((IndirectReferenceToken)document.Structure.Catalog.CatalogDictionary.Data["DSS"]).Data).Data;

    /// <summary>The DER bytes of the streams an array of the DSS (or a VRI entry) lists.</summary>
    public static IReadOnlyList<byte[]> Streams(PigDocument document, DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var value)
            ? ((ArrayToken)value).Data.Select(t => ((StreamToken)document.Structure.GetObject(((IndirectReferenceToken)t).Data).Data).Data.ToArray()).ToList()
            : [];

    /// <summary>The end of the signed revision (c + d of the /ByteRange).</summary>
    public static int SignedLength(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("/ByteRange", StringComparison.Ordinal);
        var numbers = text[(text.IndexOf('[', at) + 1)..text.IndexOf(']', at)]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return numbers[2] + numbers[3];
    }
}
