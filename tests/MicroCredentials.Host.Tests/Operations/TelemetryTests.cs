using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// With <c>Telemetry:Enabled</c> the product's metrics and spans reach an exporter (OpenTelemetry's in-memory one, added
/// beside the OTLP exporter, which points at a closed port): issuing, verifying with each verdict, a batch job, a status
/// list fetch and a PDF render each show up with their tags.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TelemetryTests
{
    private readonly List<Metric> metrics = [];
    private readonly List<Activity> spans = [];
    private HostFactory? factory;
    private WebApplicationFactory<Program>? host;
    private HttpClient? client;
    private string key = string.Empty;

    private HttpClient Client => client!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?>
        {
            ["Telemetry:Enabled"] = "true",
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{BuiltPrograms.FreePort()}",
            ["Jobs:RowsPerCommit"] = "5",
        });
        host = factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        }));
        client = host.CreateDefaultClient(new Uri("http://localhost/"), factory.Recorder);
        var store = host.Services.GetRequiredService<CredentialStore>();
        key = (await store.CreateApiKeyAsync($"telemetry-{Guid.NewGuid():N}", ApiKeyRole.Administrator, "tests", CancellationToken.None)).PlainKey;
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [Test]
    public async Task IssueVerifyBatchStatusListPdf_MetricsAndSpansReachTheExporter()
    {
        var valid = await IssueAsync();
        var revoked = await IssueAsync();
        using (var revoke = await Client.SendAsync(Request(HttpMethod.Post, $"/api/credentials/{revoked.Id}/revoke", JsonContent.Create(new { reason = "telemetry test" }))))
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoke.Content.ReadAsStringAsync());
        }

        // Verdicts: valid (stored, by handle), revoked (stored), valid (uploaded JSON), not_genuine (tampered JSON), unreadable.
        Assert.That((await Client.GetAsync($"/v/{valid.Handle}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetAsync($"/v/{revoked.Handle}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await Client.GetStringAsync($"{valid.DownloadPath}/credential.json");
        Assert.That(await VerdictAsync(json), Is.EqualTo("valid"));
        Assert.That(await VerdictAsync(json.Replace(valid.Name, "Someone Else", StringComparison.Ordinal)), Is.EqualTo("not_genuine"));
        Assert.That(await VerdictAsync("certainly not a credential"), Is.EqualTo("unreadable"));

        // A verifier fetches our status list; a graduate downloads the certificate.
        var listUrl = new Uri((string)JsonNode.Parse(json)!["credentialStatus"]!["statusListCredential"]!);
        Assert.That((await Client.GetAsync(listUrl.AbsolutePath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetAsync($"{valid.DownloadPath}/certificate-en.pdf")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var done = await BatchJobs.RunAsync(Client, key, LearnerCsv.Generate(12));
        Assert.That((int?)done["issued"], Is.EqualTo(12), done.ToJsonString());

        // The job's last chunk and its end are reported just after the database says "done": wait for them to be counted.
        await EventuallyAsync(() => Sum("microcred.batch.rows", ("microcred.outcome", "issued")) == 12 && Sum("microcred.batch.jobs", ("microcred.state", "done")) >= 1);
        Assert.That(Sum("microcred.credentials.issued", ("microcred.format", "ob3"), ("microcred.micro_credential", "MC-DSH")), Is.GreaterThanOrEqualTo(14));
        Assert.That(Sum("microcred.verifications", ("microcred.verdict", "valid"), ("microcred.format", "stored")), Is.GreaterThanOrEqualTo(1));
        Assert.That(Sum("microcred.verifications", ("microcred.verdict", "revoked"), ("microcred.format", "stored")), Is.GreaterThanOrEqualTo(1));
        Assert.That(Sum("microcred.verifications", ("microcred.verdict", "valid"), ("microcred.format", "json")), Is.EqualTo(1));
        Assert.That(Sum("microcred.verifications", ("microcred.verdict", "not_genuine"), ("microcred.format", "json")), Is.EqualTo(1));
        Assert.That(Sum("microcred.verifications", ("microcred.verdict", "unreadable"), ("microcred.format", "jwt")), Is.EqualTo(1));
        Assert.That(Sum("microcred.verification.duration", ("microcred.format", "json")), Is.EqualTo(2), "one latency per JSON verification");
        Assert.That(Sum("microcred.status_list.fetches", ("microcred.source", "served"), ("microcred.outcome", "ok")), Is.EqualTo(1));
        Assert.That(Sum("microcred.pdf.renders", ("microcred.language", "en")), Is.EqualTo(1));
        Assert.That(Sum("microcred.batch.jobs", ("microcred.state", "started")), Is.GreaterThanOrEqualTo(1));
        Assert.That(Sum("microcred.batch.jobs", ("microcred.state", "done")), Is.GreaterThanOrEqualTo(1));
        Assert.That(Sum("microcred.batch.rows", ("microcred.outcome", "issued")), Is.EqualTo(12));
        Assert.That(metrics.Select(m => m.Name), Does.Contain("microcred.batch.rows.remaining"));

        var names = spans.Where(s => s.Source.Name == "MicroCredentials").Select(s => s.DisplayName).ToHashSet();
        Assert.That(names, Is.SupersetOf(new[] { "issue", "verify", "batch.chunk.sign", "batch.chunk.commit", "pdf.render" }));
        Assert.That(spans.Where(s => s.DisplayName == "verify").Select(s => s.GetTagItem("microcred.verdict") as string),
            Is.SupersetOf(new[] { "valid", "revoked", "not_genuine", "unreadable" }));
    }

    private sealed record Issued(string Id, string Name, string Handle, string DownloadPath);

    private async Task<Issued> IssueAsync()
    {
        var name = $"Tele Metry{Guid.NewGuid().ToString("N")[..6]}";
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var response = await Client.SendAsync(Request(HttpMethod.Post, "/api/credentials", JsonContent.Create(award)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var json = JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, name, verification[(verification.LastIndexOf('/') + 1)..], new Uri((string)json["downloadUrl"]!).AbsolutePath);
    }

    private async Task<string?> VerdictAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Client.PostAsync("/api/verify", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (string?)JsonNode.Parse(text)!["verdict"];
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private async Task EventuallyAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Flush();
            if (metrics.Any(m => m.Name == "microcred.batch.rows") && metrics.Any(m => m.Name == "microcred.batch.jobs") && condition())
            {
                return;
            }

            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the batch job's telemetry did not arrive");
            await Task.Delay(100);
        }
    }

    private void Flush()
    {
        // False whatever the in-memory exporter did: the OTLP exporter beside it fails (its port is closed) by design.
        host!.Services.GetRequiredService<MeterProvider>().ForceFlush();
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    // The newest export of a metric (cumulative), summed over the points that carry every given tag.
    private long Sum(string name, params (string Key, string Value)[] tags)
    {
        var metric = metrics.LastOrDefault(m => m.Name == name);
        Assert.That(metric, Is.Not.Null, $"{name} was exported; seen: {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        long total = 0;
        foreach (ref readonly var point in metric!.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
            {
                total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
            }
        }

        return total;
    }
}
