using System.Globalization;
using System.Text;

namespace MicroCredentials.Host.Tests.Jobs;

/// <summary>Learners CSVs of any size, each row a distinct award (unique e-mail per call).</summary>
internal static class LearnerCsv
{
    public static string Generate(int count, string extraLines = "")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("email;name;code;awarded;grade;start;end\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"l{i}.{tag}@example.be;Learner {i} {tag};MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        }

        return csv.Append(extraLines).ToString();
    }
}
