using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Jobs;

/// <summary>
/// Issue 14 point 5 (flat memory) measured on the real host process: a 100,000-row learners CSV (about 9 MB) is
/// streamed into its job while the host runs with a hard limit on its managed heap, and the process's peak resident
/// memory (the kernel's VmHWM, which cannot miss a peak) grows by a bounded amount over a small job's upload and run. Holding the
/// CSV in memory as before (bytes, decoded text, parsed rows, stored payloads) needs several times the heap limit.
/// </summary>
[NonParallelizable]
public sealed class BatchUploadMemoryTests
{
    /// <summary>The managed heap the host may use at all (DOTNET_GCHeapHardLimit): the whole CSV's parse does not fit.</summary>
    private const long HeapLimitBytes = 48L * 1024 * 1024;

    /// <summary>Peak RSS growth allowed for the 100,000-row upload over a warmed-up host.</summary>
    private const long PeakGrowthBoundBytes = 40L * 1024 * 1024;

    [Test]
    public async Task Upload_HundredThousandRows_StoredInBoundedMemory()
    {
        var folder = Directory.CreateTempSubdirectory("microcred-upload-memory-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["MICROCRED_DATA"] = Path.Combine(folder, "data"),
                ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture),
                ["DOTNET_GCgen0size"] = "0x400000",
                ["Jobs__Workers"] = "1",
            };
            // An issuer key made with the CLI in the same data folder, as an integration would get one.
            var (exit, output) = await BuiltPrograms.CliAsync(environment, "apikeys", "create", "--name", "memory test", "--role", "issuer");
            Assert.That(exit, Is.Zero, output);
            var key = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            await using var host = await HostProcess.StartAsync(RepositoryPaths.Root, environment, publicBaseUrl: "listen");
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

            // Warm-up: a small job uploaded and issued, so code paths, keys and caches are loaded before the baseline.
            var small = await UploadAsync(http, key, LearnerCsv.Generate(300));
            var warm = await BatchJobs.WaitAsync(http, key, (string)small["url"]!, TimeSpan.FromMinutes(5));
            Assert.That((int?)warm["issued"], Is.EqualTo(300));
            var before = PeakRss(host.ProcessId);

            var csv = LearnerCsv.Generate(100_000);
            var large = await UploadAsync(http, key, csv);
            var after = PeakRss(host.ProcessId);

            Assert.That(((int?)large["total"], (int?)large["remaining"]), Is.EqualTo((100_000, 100_000)), "every row stored");
            TestContext.Out.WriteLine($"CSV {Encoding.UTF8.GetByteCount(csv) / 1024 / 1024.0:0.0} MiB; host peak RSS {before / 1024 / 1024} MiB after a 300-row job, "
                + $"{after / 1024 / 1024} MiB after 100,000 rows (heap limit {HeapLimitBytes / 1024 / 1024} MiB)");
            Assert.That(after - before, Is.LessThan(PeakGrowthBoundBytes), "the upload is streamed into the job, not held");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonObject> UploadAsync(HttpClient http, string key, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/batches") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    // The kernel's high-water mark of the process's resident memory (bytes).
    private static long PeakRss(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

}
