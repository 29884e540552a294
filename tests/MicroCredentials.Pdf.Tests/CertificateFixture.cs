using MicroCredentials.Model;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Renders (and caches) signed certificates shared by the tests; rendering is the slow part.</summary>
internal static class CertificateFixture
{
    public static readonly DateTimeOffset SigningTime = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<byte[]> SignedEnglish = new(() => Signed(TestCredentials.Model(CertificateLanguage.English)));
    private static readonly Lazy<byte[]> SignedDutch = new(() => Signed(TestCredentials.Model(CertificateLanguage.Dutch)));

    private static readonly Lazy<byte[]> SignedFrench = new(() => Signed(TestCredentials.Model(CertificateLanguage.French)));

    public static byte[] Signed(CertificateLanguage language) => (language switch
    {
        CertificateLanguage.Dutch => SignedDutch,
        CertificateLanguage.French => SignedFrench,
        _ => SignedEnglish,
    }).Value.ToArray();

    public static byte[] Signed(CertificateModel model)
    {
        using var seal = RepositoryPaths.DemoSeal();
        return new CertificateDocument(model).GenerateSignedPdf(seal, SigningTime);
    }

    public static byte[] Signed(OpenBadgeCredential credential, CertificateLanguage language = CertificateLanguage.English) =>
        Signed(TestCredentials.Model(language, credential));

    /// <summary>Writes <paramref name="pdf"/> to a fresh temp folder and returns its path.</summary>
    public static string WriteTemp(byte[] pdf, string name = "certificate.pdf")
    {
        var path = Path.Combine(ExternalTool.TempFolder(), name);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
