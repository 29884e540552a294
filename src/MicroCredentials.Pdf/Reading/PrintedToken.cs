using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace MicroCredentials.Pdf;

/// <summary>
/// One word as a reader sees it on a page: its text, size, colour, visibility and place, in drawing order. Two pages
/// drawn by the same layout code from the same values give the same sequence of tokens.
/// </summary>
/// <param name="Text">The word.</param>
/// <param name="Size">Rendered size in points (rounded to 0.01).</param>
/// <param name="Colour">Fill colour as <c>r,g,b</c> (two decimals).</param>
/// <param name="Visible">False for invisible text (rendering mode 3 or 7).</param>
/// <param name="X">Left of the baseline, points.</param>
/// <param name="Y">Baseline height, points.</param>
internal sealed record PrintedToken(string Text, double Size, string Colour, bool Visible, double X, double Y)
{
    /// <summary>Light enough to vanish on the white paper.</summary>
    public bool IsPale => Colour.Split(',').All(c => double.Parse(c, CultureInfo.InvariantCulture) > 0.92);

    /// <summary>What a person can actually read: visible, at least 4 pt, not white on white.</summary>
    public bool IsLegible => Visible && Size >= 4 && !IsPale;

    /// <summary>The page's words in drawing order; a word ends at white space, a jump, or a change of size, colour or visibility.</summary>
    public static List<PrintedToken> Read(Page page, CancellationToken cancellationToken)
    {
        var tokens = new List<PrintedToken>();
        var text = new StringBuilder();
        Letter? first = null;
        Letter? previous = null;
        void Flush()
        {
            if (first is not null && text.Length > 0)
            {
                tokens.Add(new PrintedToken(text.ToString(), Math.Round(first.PointSize, 2), ColourOf(first), IsVisible(first),
                    Math.Round(first.StartBaseLine.X, 1), Math.Round(first.StartBaseLine.Y, 1)));
            }
            text.Clear();
            first = null;
        }
        foreach (var letter in page.Letters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (letter.Value.Length == 0)
            {
                // The second and later glyphs of marked content with /ActualText (a shaped Indic word): the text is
                // on the first glyph.
                continue;
            }
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                Flush();
                previous = letter;
                continue;
            }
            if (first is not null && previous is not null && Breaks(first, previous, letter))
            {
                Flush();
            }
            first ??= letter;
            text.Append(letter.Value);
            previous = letter;
        }
        Flush();
        return tokens;
    }

    private static bool Breaks(Letter first, Letter previous, Letter letter) =>
        Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 0.5
        || letter.StartBaseLine.X < previous.StartBaseLine.X
        || letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(letter.PointSize, 1) * 0.25
        || Math.Abs(letter.PointSize - first.PointSize) > 0.05
        || ColourOf(letter) != ColourOf(first)
        || IsVisible(letter) != IsVisible(first);

    private static bool IsVisible(Letter letter) => letter.RenderingMode is not (TextRenderingMode.Neither or TextRenderingMode.NeitherClip);

    private static string ColourOf(Letter letter)
    {
        if (letter.Color is not { } color)
        {
            return "0.00,0.00,0.00";
        }
        var (r, g, b) = color.ToRGBValues();
        return string.Create(CultureInfo.InvariantCulture, $"{r:0.00},{g:0.00},{b:0.00}");
    }
}
