using System.Globalization;
using System.Text;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// Writes a learners CSV of any size for batch benchmarks (1,000 / 10,000 / 100,000 rows): distinct e-mails, names
/// with accents, the three sample micro-credentials in turn, grades and dates the sample catalogue accepts. Streams
/// to the file, so a 100,000-row CSV needs no memory to speak of.
/// </summary>
internal static class LearnerCsvGenerator
{
    private static readonly string[] FirstNames = ["An", "Zoë", "Jan", "Inès", "Marie", "Lars", "Émile", "Sofie", "Noah", "Fatima"];

    private static readonly string[] LastNames = ["Peeters", "Müller-Brontë", "Janssens", "Dubois", "Claes", "Maes", "Çelik", "Wouters", "De Smet", "Nowak"];

    // Pass/fail (MC-CBE) takes no grade; the others a grade on 20.
    private static readonly (string Code, string? Grade)[] Awards = [("MC-DSH", "15"), ("MC-AIR", "14"), ("MC-CBE", null)];

    /// <summary>Writes <paramref name="rows"/> learners to <paramref name="path"/>, numbered from <paramref name="first"/>.</summary>
    public static void Write(int rows, string path, int first = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write("email;name;code;awarded;grade;start;end\n");
        for (var i = first; i < first + rows; i++)
        {
            var (code, grade) = Awards[i % Awards.Length];
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"learner{i:D7}@example.be;{name};{code};2026-02-06;{grade};2025-09-22;2026-01-23\n"));
        }
    }
}
