using System.Globalization;
using System.Text;

namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>The gate's summary: a table by class and status, the failures with what replays them, the figures.</summary>
internal static partial class FuzzReport
{
    public static string Format(IReadOnlyList<FuzzOutcome> outcomes, int seed, double seconds, long startBytes, long endBytes, long peakBytes, long peakWorkingSet)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Fuzz gate: seed {seed}, {outcomes.Count} cases in {seconds:0.0} s; 2xx {outcomes.Count(o => o.Status is >= 200 and < 300)}, "
            + $"3xx {outcomes.Count(o => o.Status is >= 300 and < 400)}, 4xx {outcomes.Count(o => o.Status is >= 400 and < 500)}, 5xx {outcomes.Count(o => o.Status >= 500)}, "
            + $"no answer {outcomes.Count(o => o.Status == 0)}, not sendable {outcomes.Count(o => o.Status == FuzzGateTests.NotSent)}, slow (> {FuzzGateTests.MaxMilliseconds} ms) {outcomes.Count(o => o.Slow)}, "
            + $"false valid {outcomes.Count(o => o.FalseValid)}, equivalent valid {outcomes.Count(o => o.EquivalentValid)}, genuine rejected {outcomes.Count(o => o.GenuineRejected)}");
        var slowest = outcomes.MaxBy(o => o.Milliseconds);
        if (slowest is not null)
        {
            sb.AppendLine(inv, $"Slowest: {slowest.Milliseconds:0} ms, {slowest.Case}");
        }

        foreach (var once in outcomes.Where(o => o.SlowOnce))
        {
            sb.AppendLine(inv, $"Slow once, not again alone (not a failure): {once.Milliseconds:0} ms in the run, fastest replay {once.ReplayMilliseconds:0} ms, {once.Case}");
        }

        sb.AppendLine(inv, $"Managed heap after full GC: start {Mb(startBytes)} MB, end {Mb(endBytes)} MB (growth {Mb(endBytes - startBytes)} MB); peak heap {Mb(peakBytes)} MB, peak working set {Mb(peakWorkingSet)} MB");
        sb.AppendLine();
        sb.AppendLine("| class | cases | 2xx | 4xx | 5xx | no answer | slow | false valid | equivalent valid | max ms |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in outcomes.GroupBy(o => o.Case.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(inv, $"| {group.Key} | {group.Count()} | {group.Count(o => o.Status is >= 200 and < 300)} | {group.Count(o => o.Status is >= 400 and < 500)} | "
                + $"{group.Count(o => o.Status >= 500)} | {group.Count(o => o.Status == 0)} | {group.Count(o => o.Slow)} | {group.Count(o => o.FalseValid)} | "
                + $"{group.Count(o => o.EquivalentValid)} | {group.Max(o => o.Milliseconds):0} |");
        }

        var failures = outcomes.Where(o => o.Failed).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Failures by kind and site (replay one: MICROCRED_FUZZ_SEED=<seed> MICROCRED_FUZZ_ONLY=<index>):");
            foreach (var kind in failures.GroupBy(Kind).OrderByDescending(g => g.Count()))
            {
                var first = kind.First();
                sb.AppendLine(inv, $"- {kind.Count()} × {kind.Key} — classes {string.Join(", ", kind.Select(o => o.Case.Class).Distinct().Order(StringComparer.Ordinal))}; "
                    + $"first: seed {seed} index {first.Case.Index} {first.Case.Endpoint} status {first.Status} {first.Milliseconds:0} ms");
            }

            sb.AppendLine();
            sb.AppendLine("First failures:");
            foreach (var o in failures.Take(40))
            {
                sb.AppendLine(inv, $"  seed={seed} index={o.Case.Index} class={o.Case.Class} endpoint=\"{o.Case.Endpoint}\" status={o.Status} ms={o.Milliseconds:0} {Reason(o)}: {Clip(o.Detail, 300)}");
            }
        }

        return sb.ToString();
    }

    private static string Reason(FuzzOutcome o) =>
        o.Status >= 500 ? "5xx" : o.Status == 0 ? "no answer" : o.FalseValid ? "false valid" : o.GenuineRejected ? "genuine rejected" : "slow";

    // 5xx are grouped by the site that threw (exception type and first frame), the rest by reason and class.
    private static string Kind(FuzzOutcome o) => o.Status >= 500 ? "5xx " + Clip(Specifics().Replace(o.Detail, "…"), 220) : Reason(o) + " (" + o.Case.Class + ")";

    // The member names and values inside exception messages, so one site is one line.
    [System.Text.RegularExpressions.GeneratedRegex(@"(Key: \S+|'[^']*'|<>c[_A-Za-z0-9]*|b__\d+_\d+)")]
    private static partial System.Text.RegularExpressions.Regex Specifics();

    private static string Clip(string text, int length)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : oneLine[..length] + "…";
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
