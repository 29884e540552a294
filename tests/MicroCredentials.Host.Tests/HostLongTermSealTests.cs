using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Keys;
using MicroCredentials.Net;
using MicroCredentials.Pdf;
using MicroCredentials.Pdf.Signing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Issue 13 point 3: a host whose seal file carries its CA chain stores PAdES B-LT certificates — the chain's OCSP
/// answer in a DSS update after the signed revision — with a seal issued by the loopback test PKI.
/// </summary>
public sealed class HostLongTermSealTests
{
    private const string SealPassword = "long-term-test";

    [Test]
    public async Task CertificatePdf_SealWithChain_StoredFileIsLongTermAndVerifiesAsGenuine()
    {
        var now = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        using var pki = new RevocationTestServer(now);
        using var tsa = new TimeStampTestServer(now);
        var keysFolder = Directory.CreateTempSubdirectory("microcred-blt-keys-").FullName;
        using (var seal = pki.IssueSeal())
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.File("keys.example")).Where(f => Path.GetFileName(f) is not ("seal.p12" or "README.md")))
            {
                File.Copy(file, Path.Combine(keysFolder, Path.GetFileName(file)));
            }
            // The seal file as a CA hands it out: the seal with its key, and the CA certificate beside it.
            File.WriteAllBytes(Path.Combine(keysFolder, "seal.p12"), new X509Certificate2Collection { seal, pki.RootCertificate }.Export(X509ContentType.Pkcs12, SealPassword)!);
        }

        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?>
        {
            ["Issuer:KeysPath"] = keysFolder,
            ["Issuer:SealPassword"] = SealPassword,
        });
        // The host's own registrations, but with clients that may reach the loopback TSA and PKI (as the TSA tests do).
        await using var host = factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.AddSingleton(_ => new TimeStampClient(tsa.Url, PublicHttpOptions.LoopbackForTesting));
            services.AddSingleton(_ => new RevocationClient(PublicHttpOptions.LoopbackForTesting));
        }));
        using var client = host.CreateClient();
        var keys = host.Services.GetRequiredService<IssuerKeySet>();
        Assert.That(keys.SealChain.Select(c => c.Thumbprint), Is.EqualTo(new[] { pki.RootCertificate.Thumbprint }), "the seal's chain is loaded from its PKCS#12");

        var store = host.Services.GetRequiredService<CredentialStore>();
        var apiKey = (await store.CreateApiKeyAsync($"test-blt-{Guid.NewGuid():N}", ApiKeyRole.Administrator, "tests", CancellationToken.None)).PlainKey;
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/credentials")
        {
            Content = JsonContent.Create(new
            {
                email = $"{Guid.NewGuid():N}@example.be", name = "Lea Longterm", code = "MC-DSH", awarded = "2026-02-06", grade = "15",
                start = "2025-09-22", end = "2026-01-23",
            }),
        };
        issue.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var issued = await client.SendAsync(issue);
        var issuedText = await issued.Content.ReadAsStringAsync();
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), issuedText);
        var download = new Uri((string)JsonNode.Parse(issuedText)!["downloadUrl"]!).AbsolutePath + "/certificate-en.pdf";

        var first = await client.GetByteArrayAsync(download);
        var second = await client.GetByteArrayAsync(download);

        Assert.That(second, Is.EqualTo(first), "every download returns the stored file");
        Assert.That((pki.OcspRequests, pki.CrlRequests, tsa.Requests), Is.EqualTo((1, 0, 1)), "fetched once, for the stored file" + pki.LastError);
        var read = CertificateReader.Read(first);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineLt), read.Detail);
        // Seal, root and TSA certificates, the seal's OCSP answer, all in the update after the signed revision.
        Assert.That(read.Dss, Is.EqualTo(new DssContents(3, 0, 1, InUpdate: true)));
        Assert.That(read.SealRevocationChecked, Is.True);
        Assert.That(read.SealRevokedAt, Is.Null);
        Assert.That(read.SignerCertificate!.Thumbprint, Is.EqualTo(keys.SealCertificate!.Thumbprint));

        using var content = new ByteArrayContent(first);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var verify = await client.PostAsync("/api/verify", content);
        var verified = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK), verified.ToJsonString());
        Assert.That((string?)verified["verdict"], Is.EqualTo("valid"), verified.ToJsonString());

        await host.DisposeAsync();
        await factory.DisposeAndAssertNo5xxAsync();
        Directory.Delete(keysFolder, recursive: true);
    }
}
