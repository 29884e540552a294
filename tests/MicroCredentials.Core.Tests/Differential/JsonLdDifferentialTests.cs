using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.DataIntegrity;
using MicroCredentials.DataIntegrity;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.Core.Tests.Differential;

/// <summary>
/// Issue 10 point 7: mutated copies of a genuine signed credential go through our processor (toRdf in safe mode, then
/// RDFC-1.0) and through jsonld.js + rdf-canonize in safe mode (tests/interop/jsonld-differential.mjs, one node
/// process). Where jsonld.js rejects, we reject; where it accepts, our canonical N-Quads are byte-identical.
/// Rerun with another seed or more cases: <c>MICROCRED_DIFF_SEED=7 MICROCRED_DIFF_CASES=50000 dotnet test … --filter JsonLdDifferential</c>.
/// </summary>
public sealed class JsonLdDifferentialTests
{
    private const int DefaultSeed = 20261201;
    private const int DefaultCases = 5000;

    [Test]
    public void ToRdf_MutatedCredentials_AgreeWithJsonLdJs()
    {
        var seed = Setting("MICROCRED_DIFF_SEED", DefaultSeed);
        var count = Setting("MICROCRED_DIFF_CASES", DefaultCases);
        var mutator = new CredentialMutator(RichCredential.Signed(), seed);
        var cases = new string[count];
        var forJsonLdJs = new string[count];
        var mutations = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (document, applied) = mutator.Next();
            cases[i] = document.ToJsonString();
            forJsonLdJs[i] = JsonLdJsDeviations.WithoutFalseProtected(document).ToJsonString();
            mutations[i] = applied;
        }

        if (Environment.GetEnvironmentVariable("MICROCRED_DIFF_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump, cases);
        }

        // jsonld.js runs in two node processes while we work through the cases here.
        var watch = Stopwatch.StartNew();
        var jsonLdJs = Task.Run(() => JsonLdJs(forJsonLdJs));
        var ours = cases.Select(Ours).ToArray();
        var ourTime = watch.Elapsed;
        var theirs = jsonLdJs.GetAwaiter().GetResult();
        var nodeTime = watch.Elapsed;

        int bothReject = 0, bothAccept = 0;
        var excused = new Dictionary<string, int>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (ourOk, ourResult) = ours[i];
            var their = theirs[i];
            var theirOk = their["ok"]!.GetValue<bool>();
            var theirResult = theirOk ? their["nquads"]!.GetValue<string>() : $"{their["code"]}: {their["message"]}";
            if (!theirOk && !ourOk && !ourResult.StartsWith("CRASH ", StringComparison.Ordinal))
            {
                bothReject++;
            }
            else if (theirOk && ourOk && string.Equals(ourResult, theirResult, StringComparison.Ordinal))
            {
                bothAccept++;
            }
            else if (theirOk && !ourOk && JsonLdJsDeviations.Excuse(ourResult, JsonNode.Parse(cases[i])!) is { } excuse)
            {
                excused[excuse] = excused.GetValueOrDefault(excuse) + 1;
            }
            else
            {
                disagreements.Add(Describe(i, mutations[i], ourOk, ourResult, theirOk, theirResult));
            }
        }

        TestContext.Progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"JSON-LD differential (seed {seed}): {count} cases, {bothReject} both reject, {bothAccept} both accept with identical canonical N-Quads, {disagreements.Count} disagreements, {excused.Values.Sum()} documented jsonld.js deviations ({string.Join(", ", excused.Select(e => $"{e.Value} {e.Key}"))}); ours {ourTime.TotalSeconds:F1} s, jsonld.js done after {nodeTime.TotalSeconds:F1} s"));
        if (disagreements.Count > 0 && Environment.GetEnvironmentVariable("MICROCRED_DIFF_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, string.Join("\n\n", disagreements));
        }

        Assert.That(disagreements, Is.Empty, string.Join("\n\n", disagreements.Take(8)));
        Assert.That(bothAccept, Is.GreaterThan(count / 10), "the generator should keep a good share of documents valid");
        Assert.That(bothReject, Is.GreaterThan(count / 10), "the generator should produce a good share of invalid documents");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    private static (bool Ok, string Result) Ours(string line)
    {
        var document = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        try
        {
            // What the verifier does: toRdf in safe mode, then RDFC-1.0 with the default work factor.
            return (true, EddsaRdfc2022.Canonicalize(document!.AsObject()));
        }
        catch (JsonLdException e)
        {
            return (false, e.Message);
        }
        catch (Rdfc10WorkLimitExceededException e)
        {
            return (false, e.Message);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or KeyNotFoundException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // A crash is never an agreement: it is reported with the case.
            return (false, "CRASH " + e);
        }
    }

    private static string Describe(int index, string mutations, bool ourOk, string ours, bool theirOk, string theirs)
    {
        var head = $"case {index}: ours {(ourOk ? "accepts" : "rejects")}, jsonld.js {(theirOk ? "accepts" : "rejects")}\nmutations: {Shorten(mutations, 3000)}\n";
        if (ourOk && theirOk)
        {
            // Both accept: show the lines that differ.
            var ourLines = ours.Split('\n');
            var theirLines = theirs.Split('\n');
            return head + $"ours only: {Shorten(string.Join(" | ", ourLines.Except(theirLines)), 1500)}\njsonld.js only: {Shorten(string.Join(" | ", theirLines.Except(ourLines)), 1500)}";
        }

        return head + $"ours: {Shorten(ours, 1500)}\njsonld.js: {Shorten(theirs, 1500)}";
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    /// <summary>Runs the cases through two node processes (even and odd indexes); one result per case, in order.</summary>
    private static JsonObject[] JsonLdJs(string[] cases)
    {
        var halves = new[] { 0, 1 }.Select(h => Task.Run(() => RunNode(cases.Where((_, i) => i % 2 == h).ToArray()))).ToArray();
        var even = halves[0].GetAwaiter().GetResult();
        var odd = halves[1].GetAwaiter().GetResult();
        return [.. Enumerable.Range(0, cases.Length).Select(i => i % 2 == 0 ? even[i / 2] : odd[i / 2])];
    }

    private static JsonObject[] RunNode(string[] cases)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeInterop.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("jsonld-differential.mjs");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        foreach (var line in cases)
        {
            process.StandardInput.Write(line);
            process.StandardInput.Write('\n');
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("jsonld-differential.mjs did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"jsonld-differential.mjs exited with {process.ExitCode}: {error.Result}");
        }

        var results = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        return results.Length == cases.Length
            ? results
            : throw new InvalidOperationException($"jsonld-differential.mjs answered {results.Length} of {cases.Length} cases: {error.Result}");
    }
}
