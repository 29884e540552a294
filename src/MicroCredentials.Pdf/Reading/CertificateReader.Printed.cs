using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroCredentials.Model;
using MicroCredentials.Pdf.Layout;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    /// <summary>
    /// How PdfPig reads a certificate: with the <c>/ActualText</c> of marked content (ISO 32000-1 §14.9.4), which holds the
    /// words of shaped Indic runs as signed (their glyphs — conjuncts, reph, reordered vowel signs — are not the characters
    /// one for one; see <see cref="Layout.ShapedDrawing"/>).
    /// </summary>
    internal static UglyToad.PdfPig.ParsingOptions ReadingOptions => new() { UseActualText = true };

    // Placeholders for the values a certificate prints that are not in the credential (host configuration).
    private const string SignatoryMark = "QQSIGNATORYQQ";
    private const string SignatoryRoleMark = "QQROLEQQ";

    /// <summary>
    /// Compares every page's text with the certificate our layout code draws from <paramref name="credentialJson"/>:
    /// <list type="number">
    /// <item>recover the verification address and short code printed on the file (they are not in the credential);</item>
    /// <item>render the certificate again from the credential, in the language whose heading the file prints, with
    /// the signatory as a placeholder;</item>
    /// <item>read both as words in drawing order (<see cref="PrintedToken"/>) and require the same words, in the same
    /// order, at the same size, colour, visibility and place, page for page; only the signatory lines may differ
    /// (they come from configuration) and must be legible text in the signatory's style.</item>
    /// </list>
    /// So added text (a large "Dr. Mallory Forger"), changed values ("20/20"), hidden or 1-pt text, and moved text
    /// all fail. Which credential facts cannot be read on the page is listed too.
    /// </summary>
    private static PrintedComparison ComparePrintedText(PigDocument document, string credentialJson, CancellationToken cancellationToken)
    {
        if (document.NumberOfPages > PdfLimits.MaxComparedPages)
        {
            return PrintedComparison.Differs([], $"The PDF has {document.NumberOfPages} pages; the certificate has 2.");
        }
        var actual = Enumerable.Range(1, document.NumberOfPages).Select(n => PrintedToken.Read(document.GetPage(n), cancellationToken)).ToList();
        OpenBadgeCredential credential;
        try
        {
            credential = CredentialJson.Deserialize(credentialJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return PrintedComparison.Differs([], "The embedded credential cannot be read as an Open Badges credential.");
        }
        var language = DetectLanguage(actual);
        var labels = CertificateLabels.For(language);
        var missing = MissingFacts(actual, credential, labels);
        byte[] rebuilt;
        try
        {
            var (url, handle, code) = RecoverAddress(actual, labels);
            rebuilt = new CertificateDocument(new CertificateModel
            {
                CredentialJson = credentialJson,
                Language = language,
                VerificationUrl = url,
                CredentialHandle = handle,
                ShortCode = code,
                SignatoryName = SignatoryMark,
                SignatoryTitle = SignatoryRoleMark,
            }).GeneratePdf();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // ArgumentException from the document's checks, or a layout failure on values we would never print.
            return PrintedComparison.Differs(missing, "The embedded credential is not one a certificate is printed from.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        using var expectedDocument = PigDocument.Open(rebuilt, ReadingOptions);
        var expected = Enumerable.Range(1, expectedDocument.NumberOfPages)
            .Select(n => PrintedToken.Read(expectedDocument.GetPage(n), cancellationToken)).ToList();
        var difference = FirstDifference(expected, actual);
        return difference is null && missing.Count == 0 ? PrintedComparison.Same : PrintedComparison.Differs(missing, difference);
    }

    /// <summary>The first way the file's words differ from the rebuilt certificate's, in words; null when none.</summary>
    private static string? FirstDifference(List<List<PrintedToken>> expected, List<List<PrintedToken>> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"The PDF has {actual.Count} page(s); the certificate has {expected.Count}.";
        }
        for (var page = 0; page < expected.Count; page++)
        {
            var e = expected[page];
            var a = actual[page];
            var span = e.FindIndex(t => t.Text.Contains(SignatoryMark, StringComparison.Ordinal));
            var spanEnd = e.FindLastIndex(t => t.Text.Contains(SignatoryMark, StringComparison.Ordinal) || t.Text.Contains(SignatoryRoleMark, StringComparison.Ordinal));
            if (span < 0)
            {
                span = spanEnd = e.Count;
            }
            else
            {
                spanEnd++;
            }
            for (var i = 0; i < span; i++)
            {
                if (Compare(e[i], i < a.Count ? a[i] : null, page, checkPlace: true) is { } prefixDifference)
                {
                    return prefixDifference;
                }
            }
            // The signatory lines (configuration, not credential) end where the words after them begin.
            var resume = span == e.Count ? span : SignatoryEnd(e, spanEnd, a, span);
            if (span < e.Count && SignatoryDifference(e.Skip(span).Take(spanEnd - span).ToList(), a.Skip(span).Take(resume - span).ToList(), page) is { } signatoryDifference)
            {
                return signatoryDifference;
            }
            // The signatory shifts the line under it ("on behalf of …"), so that line is not compared by place.
            var shiftedLine = spanEnd < e.Count ? e[spanEnd].Y : double.NaN;
            for (var k = 0; spanEnd + k < e.Count; k++)
            {
                var expectedToken = e[spanEnd + k];
                var at = resume + k;
                if (Compare(expectedToken, at < a.Count ? a[at] : null, page, checkPlace: span == e.Count || expectedToken.Y != shiftedLine) is { } suffixDifference)
                {
                    return suffixDifference;
                }
            }
            var end = resume + (e.Count - spanEnd);
            if (a.Count > end)
            {
                return $"Page {page + 1} carries text that is not on the certificate: “{Words(a.Skip(end).Take(12))}”.";
            }
        }
        return null;
    }

    /// <summary>Where the words after the signatory resume in <paramref name="a"/>: the first place (within 40 words) its next three words match.</summary>
    private static int SignatoryEnd(List<PrintedToken> e, int spanEnd, List<PrintedToken> a, int start)
    {
        var next = e.Skip(spanEnd).Take(3).Select(t => t.Text).ToList();
        for (var j = start; j <= Math.Min(a.Count - next.Count, start + 40); j++)
        {
            if (next.Select((text, k) => a[j + k].Text == text).All(x => x))
            {
                return j;
            }
        }
        return Math.Min(a.Count, start + 40);
    }

    private static string? Compare(PrintedToken expected, PrintedToken? actual, int page, bool checkPlace)
    {
        if (actual is null)
        {
            return $"Page {page + 1} lacks “{expected.Text}”, which the certificate prints.";
        }
        if (actual.Text != expected.Text)
        {
            return $"Page {page + 1} prints “{actual.Text}” where the certificate has “{expected.Text}”.";
        }
        if (!actual.Visible || Math.Abs(actual.Size - expected.Size) > 0.05 || actual.Colour != expected.Colour)
        {
            return $"Page {page + 1} prints “{actual.Text}” {(actual.Visible ? $"at {actual.Size:0.#} pt in colour {actual.Colour}" : "invisibly")}, not as the certificate does.";
        }
        if (checkPlace && (Math.Abs(actual.X - expected.X) > 0.5 || Math.Abs(actual.Y - expected.Y) > 0.5))
        {
            return $"Page {page + 1} prints “{actual.Text}” elsewhere on the page than the certificate does.";
        }
        return null;
    }

    /// <summary>The signatory lines: at most 40 legible words in the placeholder's colours, no larger than it.</summary>
    private static string? SignatoryDifference(List<PrintedToken> placeholder, List<PrintedToken> actual, int page)
    {
        var colours = placeholder.Select(t => t.Colour).ToHashSet(StringComparer.Ordinal);
        var largest = placeholder.Max(t => t.Size);
        return actual.Count <= 40 && actual.All(t => t.IsLegible && t.Size >= 5 && t.Size <= largest + 0.05 && colours.Contains(t.Colour))
            ? null
            : $"Page {page + 1} carries text that is not on the certificate: “{Words(actual.Take(12))}”.";
    }

    private static string Words(IEnumerable<PrintedToken> tokens) => string.Join(' ', tokens.Select(t => t.Text));

    /// <summary>
    /// The language whose opening phrase ("Hierbij wordt verklaard dat", "Nous certifions que") the file prints; English
    /// when neither is found. The headings are not used: "Certificat" is a prefix of "Certificate".
    /// </summary>
    private static CertificateLanguage DetectLanguage(List<List<PrintedToken>> pages)
    {
        var text = Normalize(string.Join(' ', pages.SelectMany(p => p).Select(t => t.Text)));
        foreach (var language in (CertificateLanguage[])[CertificateLanguage.Dutch, CertificateLanguage.French])
        {
            if (text.Contains(Normalize(CertificateLabels.For(language).CertifiesThat), StringComparison.Ordinal))
            {
                return language;
            }
        }
        return CertificateLanguage.English;
    }

    /// <summary>The printed verification address (<c>https://…/v/&lt;handle&gt;</c>; <c>http</c> on a test host) and the short code after it.</summary>
    private static (Uri Url, string Handle, string Code) RecoverAddress(List<List<PrintedToken>> pages, CertificateLabels labels)
    {
        var codeLabel = labels.Code.Split(' ')[^1] + ":";
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var match = VerificationAddress().Match(page[i].Text);
                if (match.Success && Uri.TryCreate(page[i].Text, UriKind.Absolute, out var url))
                {
                    // "… · Verification code: K7QD-M4XP" on the same line.
                    var code = page.Skip(i + 1).TakeWhile(t => Math.Abs(t.Y - page[i].Y) <= 0.5).SkipWhile(t => t.Text != codeLabel)
                        .Skip(1).FirstOrDefault()?.Text;
                    if (code is not null)
                    {
                        return (url, match.Groups[1].Value, code);
                    }
                }
            }
        }
        return (new Uri("https://unknown.invalid/v/unknown"), "unknown", "-");
    }

    /// <summary>Which facts of the credential a person cannot read on the file (absent, hidden, tiny or white).</summary>
    private static List<string> MissingFacts(List<List<PrintedToken>> pages, OpenBadgeCredential credential, CertificateLabels labels)
    {
        CertificateFacts facts;
        try
        {
            facts = CertificateFacts.From(credential, labels);
        }
        catch (ArgumentException)
        {
            return ["name"];
        }
        var legible = Normalize(string.Join(' ', pages.SelectMany(p => p).Where(t => t.IsLegible).Select(t => t.Text)));
        var values = new (string Name, string? Value)[]
        {
            ("name", facts.LearnerName), ("title", facts.Title), ("institution", facts.Institution), ("ects", facts.Ects),
            ("eqf", facts.EqfLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("grade", facts.Grade),
            ("date", facts.AwardDate), ("issued", facts.IssueDate), ("code", facts.CourseCode), ("period", facts.Period),
            ("id", facts.CredentialId),
        };
        // Long values wrap and may end in an ellipsis: their first 40 characters must be legible.
        // Right-to-left and Arabic values are drawn shaped and in visual order: look for them as printed too.
        return values.Where(v => v.Value is { Length: > 0 } value
                && !legible.Contains(Normalize(value.Length > 40 ? value[..40] : value), StringComparison.Ordinal)
                && !legible.Contains(Normalize(Text.ScriptFonts.Printed(value.Length > 40 ? value[..40] : value)), StringComparison.Ordinal))
            .Select(v => v.Name).ToList();
    }

    /// <summary>The credential JSON of a VC-JWT (its payload is the credential, VC-JOSE-COSE §3.1.1); null when not one.</summary>
    private static string? JwtPayload(string jwt)
    {
        var parts = jwt.Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length > PdfLimits.MaxAttachmentBytes)
        {
            return null;
        }
        try
        {
            var base64 = parts[1].Replace('-', '+').Replace('_', '/');
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim().Normalize();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^https?://[^\s/]+(?:/[^\s]*)?/v/([A-Za-z0-9_-]{1,128})$", RegexOptions.CultureInvariant)]
    private static partial Regex VerificationAddress();
}
