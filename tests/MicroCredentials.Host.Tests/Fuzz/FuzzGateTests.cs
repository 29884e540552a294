using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>
/// The fuzz gate (issue 10 point 9): a seeded, bounded run of hostile requests over every public endpoint, built from
/// genuine artefacts the test host issued. It asserts 0 responses ≥ 500, an answer within 2 s for every case, the
/// managed heap back within 100 MB of its start, and no "verified" for anything but the genuine credential (or an
/// equivalent rewrite of it, see <see cref="FuzzOracle"/>). <c>MICROCRED_FUZZ_SEED</c> picks the seed,
/// <c>MICROCRED_FUZZ_CASES</c> the size, <c>MICROCRED_FUZZ_ONLY</c> replays one case, <c>MICROCRED_FUZZ_ENABLE</c>
/// turns on guarded classes and <c>MICROCRED_FUZZ_CLASSES</c> restricts a run to classes by prefix (both comma-separated;
/// a restricted run draws other cases than a full one). A replayed case's bytes are written to <c>fuzz-case-{index}.bin</c>;
/// the artefacts are issued afresh each run (new ids and times), so a replay repeats the mutation, not every byte.
/// </summary>
[NonParallelizable]
public sealed partial class FuzzGateTests
{
    /// <summary>Every response within this time (issue 10: 2 s).</summary>
    public const int MaxMilliseconds = 2_000;

    /// <summary>
    /// How often an answer over <see cref="MaxMilliseconds"/> is replayed alone, after a full collection, before it
    /// counts as slow. A slow path of the input (a hang, a quadratic parse) is slow every time; a pause from outside the
    /// request — a collection of what earlier tests in this process left behind — is not. CI once saw one bit-flipped
    /// PDF take 2,469 ms in the full Host run (managed heap 800 MB) that takes 185 ms in the gate alone.
    /// </summary>
    public const int SlowReplays = 2;

    /// <summary>Cases of a default run: the size that runs in about two minutes on the CI machine (2 shared cores).</summary>
    public const int DefaultCases = 10_000;

    /// <summary>The default seed (any other can be given with MICROCRED_FUZZ_SEED).</summary>
    public const int DefaultSeed = 20_261_201;

    /// <summary>Managed heap growth allowed over the run, after a full collection at both ends: issue 10's 100 MB.</summary>
    /// <remarks>
    /// What stays is ArrayPool.Shared's per-thread arrays (one per size class per thread, kept until the runtime trims
    /// them): a heap dump showed them holding the last multi-megabyte texts. Credential text is bounded by
    /// CoreLimits.MaxCredentialJsonBytes and echoed values by CoreLimits.MaxEchoedChars, so those arrays stay at a few MiB;
    /// this test's own generator never serializes its huge strings through the pool (it shares the process).
    /// </remarks>
    public const long MaxHeapGrowthBytes = 100L * 1024 * 1024;

    /// <summary>The status of a case the test client could not send at all (counted apart, never a failure).</summary>
    public const int NotSent = -1;

    // A case that gets no answer in this time is recorded as "no answer" (it may still be running inside the host).
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    [Test]
    public async Task FuzzGate_SeededHostileRequests_NoServerErrorNoSlowAnswerNoFalseValidNoLeak()
    {
        var seed = Setting("MICROCRED_FUZZ_SEED", DefaultSeed);
        var count = Setting("MICROCRED_FUZZ_CASES", DefaultCases);
        var only = Environment.GetEnvironmentVariable("MICROCRED_FUZZ_ONLY") is { Length: > 0 } one ? int.Parse(one, CultureInfo.InvariantCulture) : (int?)null;
        var enabled = (Environment.GetEnvironmentVariable("MICROCRED_FUZZ_ENABLE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

        // The host's own console logging is silenced (thousands of 4xx and any 5xx); its errors still reach factory.ErrorLog.
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Logging:Console:LogLevel:Default"] = "None" });
        using var client = factory.Client();
        client.Timeout = GiveUpAfter;
        var genuine = await FuzzArtefacts.IssueAsync(factory, client);
        var classes = Environment.GetEnvironmentVariable("MICROCRED_FUZZ_CLASSES") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()
            : null;
        var generator = new FuzzGenerator(genuine, seed, enabled, classes);
        var indexes = only is { } i ? [i] : Enumerable.Range(0, count).ToArray();

        // Warm up (JIT, caches) with the genuine artefacts before the baseline is taken.
        foreach (var warm in Enumerable.Range(0, 40).Select(new FuzzGenerator(genuine, seed, enabled, new HashSet<string> { "genuine" }).Create).Take(6))
        {
            await RunAsync(client, factory, warm, genuine);
        }

        var startHeap = RetainedHeap();
        long peakHeap = startHeap, peakWorkingSet = Environment.WorkingSet;
        var progress = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-progress.txt");
        await using var log = new StreamWriter(progress) { AutoFlush = true };
        var outcomes = new List<FuzzOutcome>(indexes.Length);
        var clock = Stopwatch.StartNew();
        foreach (var index in indexes)
        {
            var fuzzCase = generator.Create(index);
            // Written before sending: if the process dies, the last line names the case that killed it.
            await log.WriteLineAsync($"seed={seed} index={index} class={fuzzCase.Class} {fuzzCase}");
            if (only is not null && fuzzCase.Body is { } bytes)
            {
                // Replaying one case: keep its bytes for a closer look.
                await File.WriteAllBytesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"fuzz-case-{index}.bin"), bytes);
            }

            // The outcome keeps the case without its bytes: the run itself must not hold megabytes per case.
            var outcome = await RunAsync(client, factory, fuzzCase, genuine);
            outcomes.Add(outcome with { Case = fuzzCase with { Body = null, Payload = null } });
            if (index % 200 == 0)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        for (var k = 0; k < outcomes.Count; k++)
        {
            if (outcomes[k].Milliseconds <= MaxMilliseconds)
            {
                continue;
            }

            var fastest = double.MaxValue;
            for (var attempt = 0; attempt < SlowReplays && fastest > MaxMilliseconds; attempt++)
            {
                RetainedHeap();
                fastest = Math.Min(fastest, (await RunAsync(client, factory, generator.Create(indexes[k]), genuine)).Milliseconds);
            }

            outcomes[k] = outcomes[k] with { ReplayMilliseconds = fastest };
        }

        var endHeap = RetainedHeap();
        peakHeap = Math.Max(peakHeap, endHeap);
        var report = FuzzReport.Format(outcomes, seed, seconds, startHeap, endHeap, peakHeap, peakWorkingSet);
        await File.WriteAllTextAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-report.md"), report);
        await TestContext.Out.WriteLineAsync(report);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.Count.EqualTo(indexes.Length));
            Assert.That(outcomes.Count(o => o.Status >= 500), Is.Zero, "responses ≥ 500\n" + report);
            Assert.That(outcomes.Count(o => o.Status == 0), Is.Zero, "cases without an answer\n" + report);
            Assert.That(outcomes.Count(o => o.Slow), Is.Zero, $"answers slower than {MaxMilliseconds} ms\n" + report);
            Assert.That(outcomes.Count(o => o.FalseValid), Is.Zero, "mutations called verified\n" + report);
            Assert.That(outcomes.Count(o => o.GenuineRejected), Is.Zero, "genuine artefacts not verified\n" + report);
            Assert.That(endHeap - startHeap, Is.LessThanOrEqualTo(MaxHeapGrowthBytes), "managed heap growth\n" + report);
        });
    }

    // What the process still holds: a full, blocking, compacting collection (the large-object heap included, where
    // multi-megabyte uploads land), after finalizers ran.
    private static long RetainedHeap()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static async Task<FuzzOutcome> RunAsync(HttpClient client, HostFactory factory, FuzzCase fuzzCase, FuzzArtefacts genuine)
    {
        Uri uri;
        try
        {
            // Absolute, so that a path starting "//" stays a path and is not read as a host.
            uri = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + fuzzCase.Path, UriKind.Absolute);
        }
        catch (UriFormatException)
        {
            return new FuzzOutcome(fuzzCase, NotSent, 0, false) { Detail = "not sendable as a URL" };
        }

        using var request = new HttpRequestMessage(fuzzCase.Method, uri);
        if (fuzzCase.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzzCase.Body);
            if (!string.IsNullOrEmpty(fuzzCase.ContentType))
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
            }
        }

        foreach (var (name, value) in fuzzCase.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var errorsBefore = factory.ErrorLog.Errors.Count;
        var clock = Stopwatch.StartNew();
        int status;
        string body;
        try
        {
            using var response = await client.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
            status = (int)response.StatusCode;
        }
        catch (UriFormatException e)
        {
            return new FuzzOutcome(fuzzCase, NotSent, 0, false) { Detail = "not sendable as a URL: " + e.Message };
        }
        catch (InvalidOperationException e) when (e.Source == "Microsoft.AspNetCore.TestHost" || e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The in-memory test server refuses some URLs (a NUL in the path) before the host sees them; Kestrel answers 400.
            return new FuzzOutcome(fuzzCase, NotSent, 0, false) { Detail = "refused by the test server: " + e.Message };
        }
        catch (TaskCanceledException)
        {
            return new FuzzOutcome(fuzzCase, 0, clock.Elapsed.TotalMilliseconds, false) { Detail = $"no answer within {GiveUpAfter.TotalSeconds} s" };
        }

        var ms = clock.Elapsed.TotalMilliseconds;
        var errors = factory.ErrorLog.Errors;
        var hostError = errors.Count > errorsBefore ? Site(errors[errorsBefore]) : "";
        var (verified, verdict) = Verdict(fuzzCase, status, body);
        var outcome = new FuzzOutcome(fuzzCase, status, ms, verified) { Detail = status >= 500 ? hostError : verdict };
        if (fuzzCase.Expectation == FuzzExpectation.Genuine)
        {
            return outcome with { GenuineRejected = !verified };
        }

        if (!verified)
        {
            return outcome;
        }

        var (equivalent, why) = FuzzOracle.Judge(fuzzCase, genuine);
        return outcome with { FalseValid = !equivalent, EquivalentValid = equivalent, Detail = $"verdict {verdict}; oracle: {why}" };
    }

    // "verified": the API's flag or verdict, or the page's data-verdict; only upload endpoints answer with a verdict.
    private static (bool Verified, string Verdict) Verdict(FuzzCase fuzzCase, int status, string body)
    {
        if (fuzzCase.Method != HttpMethod.Post || status != 200)
        {
            return (false, "");
        }

        if (fuzzCase.Path.StartsWith("/api/verify", StringComparison.Ordinal))
        {
            try
            {
                var answer = JsonNode.Parse(body)!;
                var verdict = (string?)answer["verdict"] ?? "";
                // The test host signs with the demo keys, so "verified" is false there even for a valid verdict (demo:
                // true); the verdict is what says the signature and the credential were accepted.
                return ((bool?)answer["verified"] == true || verdict is "valid" or "valid_status_unknown", verdict);
            }
            catch (System.Text.Json.JsonException)
            {
                return (false, "not JSON");
            }
        }

        var match = PageVerdict().Match(body);
        var page = match.Success ? match.Groups[1].Value : "";
        return (page is "Valid" or "ValidStatusUnknown", page);
    }

    // The exception type and message and the first frame in our code: what groups 5xx by site.
    private static string Site(string logged)
    {
        var exception = ExceptionLine().Match(logged);
        var frame = OurFrame().Match(logged);
        return (exception.Success ? exception.Value.Trim() : logged[..Math.Min(200, logged.Length)]) + (frame.Success ? " " + frame.Value.Trim() : "");
    }

    [GeneratedRegex("data-verdict=\"([A-Za-z]+)\"")]
    private static partial Regex PageVerdict();

    [GeneratedRegex(@"[A-Za-z.]+Exception: [^\r\n]{0,160}")]
    private static partial Regex ExceptionLine();

    [GeneratedRegex(@"at MicroCredentials\.[^\r\n(]+")]
    private static partial Regex OurFrame();
}
