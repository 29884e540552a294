using System.Globalization;
using System.Text;
using MicroCredentials.Rdf;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>A minimal N-Quads reader for expected test outputs (the production parser comes with RDFC-1.0).</summary>
internal static class TestNQuads
{
    public static List<Quad> Parse(string text)
    {
        var quads = new List<Quad>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var pos = 0;
            var terms = new List<RdfTerm>();
            while (true)
            {
                SkipSpace(line, ref pos);
                if (line[pos] == '.')
                {
                    break;
                }

                terms.Add(ReadTerm(line, ref pos));
            }

            quads.Add(new Quad(terms[0], terms[1], terms[2], terms.Count > 3 ? terms[3] : null));
        }

        return quads;
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] is ' ' or '\t')
        {
            pos++;
        }
    }

    private static RdfTerm ReadTerm(string s, ref int pos)
    {
        switch (s[pos])
        {
            case '<':
                return RdfTerm.Iri(ReadIri(s, ref pos));
            case '_':
            {
                var start = pos + 2;
                pos = start;
                while (pos < s.Length && s[pos] is not (' ' or '\t'))
                {
                    pos++;
                }

                return RdfTerm.Blank(s[start..pos]);
            }

            case '"':
            {
                var value = ReadEscaped(s, ref pos, '"');
                if (pos < s.Length && s[pos] == '@')
                {
                    var start = ++pos;
                    while (pos < s.Length && s[pos] is not (' ' or '\t'))
                    {
                        pos++;
                    }

                    return RdfTerm.Literal(value, null, s[start..pos].ToLowerInvariant());
                }

                if (pos + 1 < s.Length && s[pos] == '^' && s[pos + 1] == '^')
                {
                    pos += 2;
                    return RdfTerm.Literal(value, ReadIri(s, ref pos));
                }

                return RdfTerm.Literal(value);
            }

            default:
                throw new FormatException($"Unexpected N-Quads term at {pos}: {s}");
        }
    }

    private static string ReadIri(string s, ref int pos) => ReadEscaped(s, ref pos, '>');

    // From the opening delimiter at pos to `end`, with \-escapes decoded; pos ends after `end`.
    private static string ReadEscaped(string s, ref int pos, char end)
    {
        pos++;
        var sb = new StringBuilder();
        while (s[pos] != end)
        {
            if (s[pos] == '\\')
            {
                pos++;
                sb.Append(Unescape(s, ref pos));
            }
            else
            {
                sb.Append(s[pos++]);
            }
        }

        pos++;
        return sb.ToString();
    }

    private static string Unescape(string s, ref int pos)
    {
        var c = s[pos++];
        switch (c)
        {
            case 't': return "\t";
            case 'b': return "\b";
            case 'n': return "\n";
            case 'r': return "\r";
            case 'f': return "\f";
            case 'u':
            {
                var cp = int.Parse(s.AsSpan(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                pos += 4;
                return char.ConvertFromUtf32(cp);
            }

            case 'U':
            {
                var cp = int.Parse(s.AsSpan(pos, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                pos += 8;
                return char.ConvertFromUtf32(cp);
            }

            default:
                return c.ToString();
        }
    }
}
