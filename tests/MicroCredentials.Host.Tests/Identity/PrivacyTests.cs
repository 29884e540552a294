using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroCredentials.Host.Tests.Identity;

/// <summary>
/// Issue 11 point 7, web parts: no download token or API key in any log, owner-only database and secret files,
/// <c>Cache-Control: no-store</c> on <c>/d/…</c>, HSTS when the host itself serves https.
/// </summary>
public sealed class PrivacyTests
{
    private static readonly Dictionary<string, string?> EverythingLogged = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
    };

    [Test]
    public async Task Logs_EveryLevel_NeverContainDownloadTokenOrApiKey()
    {
        var captured = new CapturedLog();
        var factory = await HostFactory.CreateAsync("Sqlite", extra: EverythingLogged);
        await using (factory)
        {
            await using var host = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(captured)));
            var key = (await host.Services.GetRequiredService<CredentialStore>()
                .CreateApiKeyAsync("privacy-test", ApiKeyRole.Administrator, "tests", CancellationToken.None)).PlainKey;
            var staff = new StaffClient(host.CreateClient(), key);
            var issued = await staff.IssueAsync();
            var token = issued.DownloadPath.Split('/')[2];
            foreach (var file in new[] { "", "/certificate-en.pdf", "/credential.json", "/credential.jwt", "/badge.png", "/nothing-here" })
            {
                using var response = await staff.Http.GetAsync(issued.DownloadPath + file + "?lang=en");
            }

            using (await staff.Http.GetAsync("/d/" + token[..^2] + "zz"))
            {
            }

            var entries = captured.Entries;
            Assert.That(entries.Where(e => e.Contains(token[..^2], StringComparison.Ordinal)), Is.Empty);
            Assert.That(entries.Where(e => e.Contains(key, StringComparison.Ordinal)), Is.Empty);
            Assert.That(entries.Where(e => e.StartsWith(RequestPrivacy.Category, StringComparison.Ordinal) && e.Contains("GET /d/***/badge.png 200", StringComparison.Ordinal)),
                Is.Not.Empty, "each request is still logged, scrubbed");
        }
    }

    [TestCase("/d/abcdefghijklmnop", "/d/***")]
    [TestCase("/d/abcdefghijklmnop/certificate-nl.pdf", "/d/***/certificate-nl.pdf")]
    [TestCase("/v/handle", "/v/handle")]
    [TestCase("/api/credentials/urn:uuid:1/revoke", "/api/credentials/urn:uuid:1/revoke")]
    [TestCase("", "/")]
    public void Scrub_Paths_ReplacesOnlyTheDownloadToken(string path, string expected) =>
        Assert.That(RequestPrivacy.Scrub(path), Is.EqualTo(expected));

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task SqliteFiles_CreatedByTheHost_AreOwnerOnly()
    {
        var factory = await HostFactory.CreateAsync("Sqlite");
        await using (factory)
        {
            var staff = new StaffClient(factory.Client(), await factory.CreateApiKeyAsync(ApiKeyRole.Administrator));
            await staff.IssueAsync();
            var data = Path.Combine(factory.TempFolder, "data");
            const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.That(File.GetUnixFileMode(data), Is.EqualTo(OwnerReadWrite | UnixFileMode.UserExecute), "data folder 0700");
            foreach (var file in new[] { "microcredentials.db", "microcredentials.db-wal", "microcredentials.db-shm", "download-link.secret" })
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(data, file)), Is.EqualTo(OwnerReadWrite), file + " 0600");
            }
        }
    }

    [Test]
    public async Task Downloads_AnyAnswer_IsNoStoreAndNoReferrer()
    {
        var factory = await HostFactory.CreateAsync("Sqlite");
        await using (factory)
        {
            var staff = new StaffClient(factory.Client(), await factory.CreateApiKeyAsync(ApiKeyRole.Administrator));
            var issued = await staff.IssueAsync();
            foreach (var path in new[] { issued.DownloadPath, issued.DownloadPath + "/certificate-en.pdf", issued.DownloadPath + "/badge.png", "/d/unknown-token-xyz" })
            {
                using var response = await staff.Http.GetAsync(path);
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
                Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), path);
            }
        }
    }

    [Test]
    public async Task Hsts_ProductionOverHttps_IsSentAndNotOverHttp()
    {
        var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["environment"] = "Production" });
        await using (factory)
        {
            using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://credentials.example.test/") });
            using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://credentials.example.test/") });

            using var secure = await https.GetAsync("/healthz");
            using var plain = await http.GetAsync("/healthz");

            Assert.That(secure.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secure.Headers.Contains("Strict-Transport-Security"), Is.True);
            Assert.That(plain.Headers.Contains("Strict-Transport-Security"), Is.False);
        }
    }

    [TestCase("http://localhost:5000", "http://localhost:5080", true, TestName = "Local run on another port warns")]
    [TestCase("http://localhost:5000", "http://localhost:5000", false, TestName = "Same local address is fine")]
    [TestCase("http://localhost:5000", "http://0.0.0.0:5000;https://0.0.0.0:5001", false, TestName = "Wildcard on the same port is fine")]
    [TestCase("https://credentials.example.be", "http://127.0.0.1:8080", false, TestName = "Behind a reverse proxy on the default port is not judged")]
    [TestCase("http://example.be:5000", "http://+:6000", true, TestName = "Explicit public port nobody listens on warns")]
    [TestCase("http://localhost:5000", "", false, TestName = "No listen address configured")]
    public void ListenAddressCheck_Addresses_WarnsOnlyWhenLinksGoNowhere(string publicBase, string urls, bool warns)
    {
        var warning = ListenAddressCheck.Warning(new Uri(publicBase), urls);

        Assert.That(warning is not null, Is.EqualTo(warns), warning);
        if (warns)
        {
            Assert.That(warning, Does.Contain("Issuer:PublicBaseUrl"));
        }
    }
}
