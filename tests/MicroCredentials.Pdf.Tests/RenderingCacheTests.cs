using MicroCredentials.Pdf.Layout;
using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// What rendering keeps between certificates (issue 13 point 5, issue 14 point 6): the bounded cache, the shared
/// PDFsharp fonts, and certificates rendered on several threads at once still sealed and printed right.
/// </summary>
public sealed class RenderingCacheTests
{
    [TestCase(0, TestName = "BoundedCache: filled to its capacity, keeps every entry")]
    [TestCase(1, TestName = "BoundedCache: one past its capacity, keeps no more and still gives the value")]
    public void BoundedCache_AroundCapacity(int over)
    {
        const int capacity = 16;
        var cache = new BoundedCache<int, string>(capacity);
        var made = 0;

        for (var key = 0; key < capacity + over; key++)
        {
            Assert.That(cache.GetOrAdd(key, k => { made++; return $"value {k}"; }), Is.EqualTo($"value {key}"));
        }
        var last = capacity + over - 1;
        var again = cache.GetOrAdd(last, k => { made++; return $"value {k}"; });

        Assert.That(cache.Count, Is.EqualTo(capacity));
        Assert.That(again, Is.EqualTo($"value {last}"));
        // At the bound the last key is kept (made once); past it the key is not kept, so asking again makes it again.
        Assert.That(made, Is.EqualTo(capacity + over + over));
    }

    [Test]
    public void BoundedCache_ManyThreadsAddingDistinctKeys_NeverPassCapacity()
    {
        const int capacity = 100;
        var cache = new BoundedCache<int, int>(capacity);

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, key =>
            Assert.That(cache.GetOrAdd(key, k => k * 2), Is.EqualTo(key * 2)));

        Assert.That(cache.Count, Is.EqualTo(capacity));
    }

    [Test]
    public void BoundedCache_ManyThreadsAddingOneKey_AllGetTheKeptValue()
    {
        var cache = new BoundedCache<string, object>(4);
        var values = new object[64];

        Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => values[i] = cache.GetOrAdd("key", _ => new object()));

        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(values.Distinct().Count(), Is.EqualTo(1), "every thread got the one kept value");
    }

    [Test]
    public void Font_SameFamilySizeAndStyle_IsOneSharedFontBoundedByTheLimit()
    {
        var first = CertificateFontResolver.Font(CertificateFontResolver.Serif, 12.25, XFontStyleEx.Bold);
        var second = CertificateFontResolver.Font(CertificateFontResolver.Serif, 12.25, XFontStyleEx.Bold);
        var other = CertificateFontResolver.Font(CertificateFontResolver.Serif, 12.25, XFontStyleEx.Regular);

        Assert.That(second, Is.SameAs(first));
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That((first.Size, first.Bold, other.Bold), Is.EqualTo((12.25, true, false)));
        Assert.That(first.PdfOptions.FontEncoding, Is.EqualTo(PdfSharp.Pdf.PdfFontEncoding.Unicode));
        Assert.That(CertificateFontResolver.Fonts.Capacity, Is.EqualTo(PdfLimits.MaxCachedFonts));
        Assert.That(CertificateFontResolver.Fonts.Count, Is.LessThanOrEqualTo(PdfLimits.MaxCachedFonts));
    }

    [Test]
    public async Task GenerateSignedPdf_OnFourThreadsAtOnce_EverySealVerifiesAndEveryPageReads()
    {
        var languages = new[] { CertificateLanguage.English, CertificateLanguage.Dutch, CertificateLanguage.French, CertificateLanguage.English };
        using var seal = RepositoryPaths.DemoSeal();

        var pdfs = await Task.WhenAll(languages.Select(language => Task.Run(() =>
            Enumerable.Range(0, 3).Select(_ => new CertificateDocument(TestCredentials.Model(language)).GenerateSignedPdf(seal, CertificateFixture.SigningTime)).ToList())));

        foreach (var pdf in pdfs.SelectMany(p => p))
        {
            var result = CertificateReader.Read(pdf);
            Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), result.Detail);
            Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
        }
        var path = CertificateFixture.WriteTemp(pdfs[1][2]);
        var sig = await ExternalTool.RunAsync("pdfsig", path);
        Assert.That(sig.StdOut, Does.Contain("Signature is Valid."), sig.All);
    }

    [TestCase(0, true, TestName = "CertificateBuffer: a file of CertificateBufferBytes keeps the thread's buffer")]
    [TestCase(1, false, TestName = "CertificateBuffer: a file one byte past CertificateBufferBytes grows the buffer, which is not kept")]
    public void CertificateBuffer_AroundItsBound(int over, bool kept)
    {
        var length = PdfLimits.CertificateBufferBytes + over;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var first = CertificateBuffer.Write(output => output.Write(Enumerable.Repeat((byte)'a', length).ToArray()));
                Assert.That(first.Length, Is.EqualTo(length));
                Assert.That(CertificateBuffer.KeptCapacity, Is.EqualTo(kept ? PdfLimits.CertificateBufferBytes : 0));
                var second = CertificateBuffer.Write(output => output.Write("%PDF-1.7"u8));
                Assert.That(second, Is.EqualTo("%PDF-1.7"u8.ToArray()));
                Assert.That(CertificateBuffer.KeptCapacity, Is.EqualTo(PdfLimits.CertificateBufferBytes));
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();

        Assert.That(failure, Is.Null, failure?.ToString());
    }

    [Test]
    public void GeneratePdf_TwiceOnOneThread_SecondFileIsWholeAndUnsigned()
    {
        using var seal = RepositoryPaths.DemoSeal();
        var signed = new CertificateDocument(TestCredentials.Model()).GenerateSignedPdf(seal, CertificateFixture.SigningTime);

        var unsigned = new CertificateDocument(TestCredentials.Model()).GeneratePdf();

        Assert.That(CertificateReader.Read(signed).Verdict, Is.EqualTo(CertificateVerdict.SignatureValid));
        Assert.That(CertificateReader.Read(unsigned).Verdict, Is.EqualTo(CertificateVerdict.NoSignature));
        Assert.That(System.Text.Encoding.ASCII.GetString(unsigned[^6..]).TrimEnd(), Does.EndWith("%%EOF"));
    }
}
