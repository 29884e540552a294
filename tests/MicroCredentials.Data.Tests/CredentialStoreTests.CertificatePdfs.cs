using System.Security.Cryptography;

namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task CertificatePdf_StoredOnce_FirstBytesWinAndSurviveRevocation()
    {
        var issued = await IssueAsync();
        var first = RandomNumberGenerator.GetBytes(2048);
        var second = RandomNumberGenerator.GetBytes(2048);

        Assert.That(await Store.FindCertificatePdfAsync(issued.Id, "nl", None), Is.Null);
        Assert.That(await Store.StoreCertificatePdfAsync(issued.Id, "nl", first, None), Is.EqualTo(first));
        // A second rendering (a racing first download) does not replace the stored file.
        Assert.That(await Store.StoreCertificatePdfAsync(issued.Id, "nl", second, None), Is.EqualTo(first));
        Assert.That(await Store.FindCertificatePdfAsync(issued.Id, "en", None), Is.Null);
        Assert.That(await Store.StoreCertificatePdfAsync(issued.Id, "en", second, None), Is.EqualTo(second));

        await Store.RevokeAsync(issued.Id, "grade corrected", "staff:jdv", None);
        Assert.That(await Store.FindCertificatePdfAsync(issued.Id, "nl", None), Is.EqualTo(first));
    }
}
