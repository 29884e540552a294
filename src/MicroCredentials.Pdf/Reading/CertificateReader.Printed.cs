using System.Text.Json;
using System.Text.RegularExpressions;
using MicroCredentials.Model;
using MicroCredentials.Pdf.Layout;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    /// <summary>
    /// Compares page 1's text with the embedded credential: the learner name, the title in either language and the
    /// ECTS as printed in either language must all appear (whitespace-insensitive, so wrapped lines still match).
    /// </summary>
    private static (PrintedValuesCheck Check, IReadOnlyList<string> Mismatches) ComparePrintedValues(PigDocument document, string json)
    {
        OpenBadgeCredential credential;
        string text;
        try
        {
            credential = CredentialJson.Deserialize(json);
            text = Normalize(FirstPageText(document));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (PrintedValuesCheck.NotChecked, []);
        }
        var achievement = credential.CredentialSubject.Achievement;
        var titles = (achievement.LocalizedName?.Values ?? []).Append(achievement.Name);
        var ects = achievement.EctsCredits ?? achievement.CreditsAvailable ?? credential.CredentialSubject.CreditsEarned;
        var mismatches = new List<string>();
        if (credential.CredentialSubject.LearnerName is not { } name || !text.Contains(Normalize(name), StringComparison.Ordinal))
        {
            mismatches.Add("name");
        }
        if (!titles.Any(t => text.Contains(Normalize(t), StringComparison.Ordinal)))
        {
            mismatches.Add("title");
        }
        if (ects is { } credits && !new[] { CertificateLabels.English, CertificateLabels.Dutch }
                .Any(l => text.Contains(Normalize(CertificateFacts.FormatEcts(credits, l)), StringComparison.Ordinal)))
        {
            mismatches.Add("ects");
        }
        return (mismatches.Count == 0 ? PrintedValuesCheck.Match : PrintedValuesCheck.Mismatch, mismatches);
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim().Normalize();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
