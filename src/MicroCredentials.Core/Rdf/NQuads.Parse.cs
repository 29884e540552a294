using System.Globalization;
using System.Text;

namespace MicroCredentials.Rdf;

/// <summary>N-Quads 1.1 reader (https://www.w3.org/TR/n-quads/).</summary>
public static partial class NQuads
{
    /// <summary>
    /// Parses an N-Quads 1.1 document: one statement per line, blank lines and <c>#</c> comments allowed,
    /// <c>\uXXXX</c>/<c>\UXXXXXXXX</c> escapes in IRIs and literals, string escapes in literals.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <returns>The quads in document order (duplicates are kept; RDFC-1.0 treats the input as a set).</returns>
    /// <exception cref="FormatException">A line is malformed; the message names the line and column.</exception>
    public static IReadOnlyList<Quad> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quads = new List<Quad>();
        var reader = new LineReader(text);
        while (reader.NextLine())
        {
            if (reader.ParseStatement() is { } quad)
            {
                quads.Add(quad);
            }
        }

        return quads;
    }

    /// <summary>A cursor over one line of N-Quads text.</summary>
    private ref struct LineReader
    {
        private readonly string text;
        private readonly StringBuilder buffer = new();
        private int lineStart;
        private int lineEnd;
        private int pos;
        private int lineNumber;

        public LineReader(string text)
        {
            this.text = text;
            lineEnd = -1;
        }

        public bool NextLine()
        {
            if (lineEnd >= text.Length)
            {
                return false;
            }

            lineStart = lineEnd + 1;
            if (lineStart > text.Length || (lineStart == text.Length && lineNumber > 0))
            {
                return false;
            }

            var end = text.AsSpan(lineStart).IndexOfAny('\n', '\r');
            lineEnd = end < 0 ? text.Length : lineStart + end;
            pos = lineStart;
            lineNumber++;
            return true;
        }

        public Quad? ParseStatement()
        {
            SkipWhitespace();
            if (AtEnd || Current == '#')
            {
                return null;
            }

            var subject = Current == '<' ? RdfTerm.Iri(ReadIri()) : ReadBlankNode();
            SkipWhitespace();
            var predicate = RdfTerm.Iri(Current == '<' ? ReadIri() : throw Error("expected a predicate IRI"));
            SkipWhitespace();
            var obj = Current switch
            {
                '<' => RdfTerm.Iri(ReadIri()),
                '_' => ReadBlankNode(),
                '"' => ReadLiteral(),
                _ => throw Error("expected an object (IRI, blank node or literal)"),
            };
            SkipWhitespace();
            RdfTerm? graph = null;
            if (!AtEnd && Current == '<')
            {
                graph = RdfTerm.Iri(ReadIri());
            }
            else if (!AtEnd && Current == '_')
            {
                graph = ReadBlankNode();
            }

            SkipWhitespace();
            if (AtEnd || Current != '.')
            {
                throw Error("expected '.' at the end of the statement");
            }

            pos++;
            SkipWhitespace();
            if (!AtEnd && Current != '#')
            {
                throw Error("unexpected text after '.'");
            }

            return new Quad(subject, predicate, obj, graph);
        }

        private readonly bool AtEnd => pos >= lineEnd;

        private readonly char Current => pos < lineEnd ? text[pos] : '\0';

        private void SkipWhitespace()
        {
            while (!AtEnd && (Current == ' ' || Current == '\t'))
            {
                pos++;
            }
        }

        private string ReadIri()
        {
            pos++; // '<'
            buffer.Clear();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated IRI");
                }

                var c = Current;
                if (c == '>')
                {
                    pos++;
                    break;
                }

                if (c == '\\')
                {
                    ReadUnicodeEscape();
                    continue;
                }

                if (c <= 0x20 || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')
                {
                    throw Error($"character U+{(int)c:X4} is not allowed in an IRI");
                }

                buffer.Append(c);
                pos++;
            }

            var iri = buffer.ToString();
            if (iri.IndexOf(':', StringComparison.Ordinal) <= 0)
            {
                throw Error($"'{iri}' is not an absolute IRI");
            }

            return iri;
        }

        private RdfTerm ReadBlankNode()
        {
            if (pos + 2 > lineEnd || text[pos] != '_' || text[pos + 1] != ':')
            {
                throw Error("expected an IRI or a blank node");
            }

            pos += 2;
            var start = pos;
            if (AtEnd || !(IsPnCharsU(Current) || char.IsAsciiDigit(Current)))
            {
                throw Error("empty or invalid blank node label");
            }

            pos++;
            while (!AtEnd && (IsPnChars(Current) || Current == '.'))
            {
                pos++;
            }

            // A label cannot end in '.': give the dot back to the statement terminator.
            while (text[pos - 1] == '.')
            {
                pos--;
            }

            return RdfTerm.Blank(text[start..pos]);
        }

        private RdfTerm ReadLiteral()
        {
            pos++; // opening quote
            buffer.Clear();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string literal");
                }

                var c = Current;
                if (c == '"')
                {
                    pos++;
                    break;
                }

                if (c == '\\')
                {
                    ReadStringEscape();
                    continue;
                }

                buffer.Append(c);
                pos++;
            }

            var lexical = buffer.ToString();
            if (!AtEnd && Current == '@')
            {
                var start = ++pos;
                while (!AtEnd && (char.IsAsciiLetter(Current) || (pos > start && (Current == '-' || char.IsAsciiDigit(Current)))))
                {
                    pos++;
                }

                if (pos == start || text[pos - 1] == '-')
                {
                    throw Error("invalid language tag");
                }

                return RdfTerm.Literal(lexical, language: text[start..pos]);
            }

            if (pos + 1 < lineEnd && Current == '^' && text[pos + 1] == '^')
            {
                pos += 2;
                if (Current != '<')
                {
                    throw Error("expected a datatype IRI after '^^'");
                }

                return RdfTerm.Literal(lexical, ReadIri());
            }

            return RdfTerm.Literal(lexical);
        }

        private void ReadStringEscape()
        {
            if (pos + 1 >= lineEnd)
            {
                throw Error("incomplete escape");
            }

            var e = text[pos + 1];
            char? simple = e switch
            {
                't' => '\t',
                'b' => '\b',
                'n' => '\n',
                'r' => '\r',
                'f' => '\f',
                '"' => '"',
                '\'' => '\'',
                '\\' => '\\',
                _ => null,
            };
            if (simple is { } s)
            {
                buffer.Append(s);
                pos += 2;
                return;
            }

            ReadUnicodeEscape();
        }

        private void ReadUnicodeEscape()
        {
            var e = pos + 1 < lineEnd ? text[pos + 1] : '\0';
            var digits = e == 'u' ? 4 : e == 'U' ? 8 : throw Error("invalid escape sequence");
            if (pos + 2 + digits > lineEnd
                || !int.TryParse(text.AsSpan(pos + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp)
                || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                throw Error("invalid \\u or \\U escape");
            }

            buffer.Append(char.ConvertFromUtf32(cp));
            pos += 2 + digits;
        }

        private readonly FormatException Error(string what) =>
            new($"N-Quads line {lineNumber.ToString(CultureInfo.InvariantCulture)}, column "
                + $"{(pos - lineStart + 1).ToString(CultureInfo.InvariantCulture)}: {what}.");

        private static bool IsPnCharsBase(char c) =>
            char.IsAsciiLetter(c)
            || (c >= 0x00C0 && c <= 0x00D6) || (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x02FF)
            || (c >= 0x0370 && c <= 0x037D) || (c >= 0x037F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
            || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
            || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD)
            || char.IsSurrogate(c); // U+10000..U+EFFFF arrive as surrogate pairs

        private static bool IsPnCharsU(char c) => IsPnCharsBase(c) || c == '_' || c == ':';

        private static bool IsPnChars(char c) =>
            IsPnCharsU(c) || c == '-' || char.IsAsciiDigit(c) || c == 0x00B7
            || (c >= 0x0300 && c <= 0x036F) || (c >= 0x203F && c <= 0x2040);
    }
}
