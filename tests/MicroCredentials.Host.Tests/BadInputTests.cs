using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Bad input gets a 4xx problem (or, for files that are readable but not ours, a report saying so) — never a 5xx.
/// Every response of the fixture is recorded; the last test and the teardown assert that none was a 5xx.
/// </summary>
public sealed class BadInputTests
{
    private const long MaxUpload = 64 * 1024;

    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = string.Empty;

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Issuer:MaxUploadBytes"] = MaxUpload.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        client = factory.Client();
        adminKey = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [TestCase("{\"@context\": [", "application/json")]
    [TestCase("not json at all", "application/json")]
    [TestCase("[1,2,3]", "application/json")]
    [TestCase("{}", "application/json")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e30", "text/plain")]
    [TestCase("eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJ2YyI6eyJ0eXBlIjpbXX19.AAAA", "application/jwt")]
    [TestCase("%PDF-1.4 truncated", "application/pdf")]
    [TestCase("\u0089PNG\r\n\u001a\n garbage", "image/png")]
    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "image/svg+xml")]
    [TestCase("<svg><unclosed", "image/svg+xml")]
    public async Task VerifyApi_UnreadableInput_ReportsUnreadableOr4xx(string body, string mediaType)
    {
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await Client.PostAsync("/api/verify", content);
        await AssertUnreadableOr4xxAsync(response);
    }

    [Test]
    public async Task VerifyApi_SomeoneElsesPdf_ReportsUnreadableOr4xx()
    {
        using var content = new ByteArrayContent(MinimalPdf());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await Client.PostAsync("/api/verify", content);
        await AssertUnreadableOr4xxAsync(response);
    }

    [Test]
    public async Task VerifyApi_WrongContentType_Returns415()
    {
        using var response = await Client.PostAsync("/api/verify", new StringContent("<x/>", Encoding.UTF8, "application/xml"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task VerifyApi_NoContentType_Returns415()
    {
        using var content = new ByteArrayContent("{}"u8.ToArray());
        using var response = await Client.PostAsync("/api/verify", content);
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task VerifyApi_EmptyBody_Returns400()
    {
        using var response = await Client.PostAsync("/api/verify", new StringContent(string.Empty, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task VerifyApi_OversizedBody_Returns413()
    {
        using var content = new ByteArrayContent(new byte[MaxUpload + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await Client.PostAsync("/api/verify", content);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task VerifyApi_OversizedChunkedBody_Returns413()
    {
        using var content = new StreamContent(new MemoryStream(new byte[MaxUpload * 2]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Client.SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("/api/verify")]
    [TestCase("/v")]
    public async Task Upload_OversizedMultipartFile_Returns413(string path)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[MaxUpload + 10]), "file", "big.pdf" } };
        using var response = await Client.PostAsync(path, form);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("/api/verify")]
    [TestCase("/v")]
    public async Task Upload_GarbageMultipart_Returns400(string path)
    {
        var content = new StringContent("--nope\r\nthis is not a form\r\n", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
        using var response = await Client.PostAsync(path, content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("/api/verify")]
    [TestCase("/v")]
    public async Task Upload_MultipartWithoutFile_Returns400(string path)
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "notafile" } };
        using var response = await Client.PostAsync(path, form);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("/v/unknownhandle")]
    [TestCase("/v/" + "x")]
    [TestCase("/d/unknowntoken123")]
    [TestCase("/d/unknowntoken123/credential.json")]
    [TestCase("/d/unknowntoken123/certificate-nl.pdf")]
    [TestCase("/d/short")]
    [TestCase("/status/999999")]
    [TestCase("/status/not-a-number")]
    [TestCase("/status/-1")]
    public async Task Get_UnknownHandleTokenOrList_Returns404Problem(string path)
    {
        using var response = await Client.GetAsync(path);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_UnknownHandleFromBrowser_Returns404Page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v/unknownhandle");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("nl-BE");
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Geen certificaat gevonden").And.Contain("<form"));
    }

    [Test]
    public async Task Code_Unknown_Returns404()
    {
        using var response = await Client.GetAsync("/v?code=ZZZZ-ZZZZ");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task StaffApi_MalformedJson_Returns400Problem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", new StringContent("{\"email\":", Encoding.UTF8, "application/json")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task StaffApi_WrongFieldType_Returns400Problem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", new StringContent("{\"email\":42}", Encoding.UTF8, "application/json")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task StaffApi_EmptyBody_Returns400Problem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", new StringContent(string.Empty, Encoding.UTF8, "application/json")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task StaffApi_WrongContentType_Returns415()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", new StringContent("email=x", Encoding.UTF8, "application/x-www-form-urlencoded")));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task StaffApi_MissingFields_Returns400ValidationProblem()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", JsonContent.Create(new { email = "a@example.be" })));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Batch_NotUtf8_Returns400()
    {
        var content = new ByteArrayContent([0x65, 0x6D, 0xC3, 0x28, 0xFF, 0x0A]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches?dryRun=true", content));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Batch_GarbageCsv_ReportsOrRejectsWithout5xx()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches?dryRun=true", new StringContent("just;some\ngarbage\"\n;;;", Encoding.UTF8, "text/csv")));
        Assert.That((int)response.StatusCode, Is.LessThan(500));
    }

    [Test]
    public async Task Batch_DryRunNotABoolean_Returns400()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/batches?dryRun=perhaps", new StringContent("a", Encoding.UTF8, "text/csv")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("revoke")]
    [TestCase("suspend")]
    [TestCase("unsuspend")]
    [TestCase("reissue")]
    public async Task StatusChange_UnknownCredential_Returns404(string action)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, $"/api/credentials/nope/{action}", JsonContent.Create(new { reason = "x", email = "a@example.be" })));
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase("/api/credentials?take=abc")]
    [TestCase("/api/credentials?skip=1.5")]
    public async Task ListCredentials_BadQuery_Returns400(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, path, null));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task GetCredential_Unknown_Returns404()
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, "/api/credentials/urn:uuid:00000000-0000-0000-0000-000000000000", null));
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public void ZzEveryRequest_WholeFixture_NoneGot5xx()
    {
        Assert.That(Factory.Recorder.Seen, Has.Count.GreaterThan(30));
        Assert.That(Factory.Recorder.ServerErrors, Is.Empty, string.Join("\n", Factory.ErrorLog.Errors));
    }

    private HttpRequestMessage Staff(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return request;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        Assert.That((int?)JsonNode.Parse(text)!["status"], Is.EqualTo((int)expected));
    }

    private static async Task AssertUnreadableOr4xxAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), text);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var json = JsonNode.Parse(text)!;
            Assert.That((bool?)json["verified"], Is.False);
            Assert.That((string?)json["verdict"], Is.AnyOf("unreadable", "not_genuine"), text);
        }
        else
        {
            Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(400), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        }
    }

    /// <summary>A small valid one-page PDF that is not one of our certificates.</summary>
    private static byte[] MinimalPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
