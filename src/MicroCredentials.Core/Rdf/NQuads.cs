using System.Buffers;
using System.Globalization;
using System.Text;

namespace MicroCredentials.Rdf;

/// <summary>
/// Reads and writes RDF 1.1 N-Quads. Output uses the canonical form that RDFC-1.0 §4.8 and
/// N-Quads §canonical-quads prescribe: one space between terms, <c>" .\n"</c> line ends, literals escaping only
/// <c>\\</c>, <c>"</c>, LF, CR and the control characters (as <c>\b \t \f</c> or <c>\u00XX</c>), <c>xsd:string</c> omitted.
/// </summary>
public static partial class NQuads
{
    /// <summary>Characters not allowed in an IRIREF (written as <c>\uXXXX</c>): controls, space, <c>&lt;&gt;"{}|^`\</c>.</summary>
    private static readonly SearchValues<char> IriEscaped = SearchValues.Create(ControlsAndSpace() + "<>\"{}|^`\\");

    /// <summary>Characters a canonical literal escapes: <c>\</c>, <c>"</c>, the C0 controls and DEL.</summary>
    private static readonly SearchValues<char> LiteralEscaped = SearchValues.Create(ControlsAndSpace()[..0x20] + "\\\"\u007f");

    /// <summary>Serializes quads, one line each, in the given order.</summary>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var sb = new StringBuilder();
        foreach (var q in quads)
        {
            AppendQuad(sb, q);
        }

        return sb.ToString();
    }

    /// <summary>Formats one quad as an N-Quads line ending in <c>"\n"</c>.</summary>
    public static string FormatQuad(Quad quad)
    {
        var sb = new StringBuilder();
        AppendQuad(sb, quad);
        return sb.ToString();
    }

    /// <summary>Formats one term in N-Quads syntax.</summary>
    public static string FormatTerm(RdfTerm term)
    {
        var sb = new StringBuilder();
        AppendTerm(sb, term);
        return sb.ToString();
    }

    /// <summary>Appends one quad (with trailing <c>" .\n"</c>) to <paramref name="sb"/>.</summary>
    public static void AppendQuad(StringBuilder sb, Quad quad)
    {
        ArgumentNullException.ThrowIfNull(sb);
        AppendTerm(sb, quad.Subject);
        sb.Append(' ');
        AppendTerm(sb, quad.Predicate);
        sb.Append(' ');
        AppendTerm(sb, quad.Object);
        if (quad.Graph is { } g)
        {
            sb.Append(' ');
            AppendTerm(sb, g);
        }

        sb.Append(" .\n");
    }

    /// <summary>Appends one term in canonical N-Quads syntax.</summary>
    public static void AppendTerm(StringBuilder sb, RdfTerm term)
    {
        ArgumentNullException.ThrowIfNull(sb);
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                sb.Append('<');
                AppendIri(sb, term.Value);
                sb.Append('>');
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(term.Value);
                break;
            default:
                sb.Append('"');
                AppendEscapedLiteral(sb, term.Value);
                sb.Append('"');
                if (term.Language is { } lang)
                {
                    sb.Append('@').Append(lang);
                }
                else if (term.Datatype is { } dt && dt != RdfTerm.XsdString)
                {
                    sb.Append("^^<");
                    AppendIri(sb, dt);
                    sb.Append('>');
                }

                break;
        }
    }

    private static void AppendIri(StringBuilder sb, string iri)
    {
        // Canonical N-Quads writes IRIs as they are; characters not allowed in IRIREF are UCHAR-escaped. The runs
        // between such characters (almost always the whole IRI) are appended in one call.
        var rest = iri.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(IriEscaped)) >= 0)
        {
            sb.Append(rest[..next]).Append("\\u").Append(((int)rest[next]).ToString("X4", CultureInfo.InvariantCulture));
            rest = rest[(next + 1)..];
        }

        sb.Append(rest);
    }

    /// <summary>True when <see cref="AppendIri"/> writes <paramref name="iri"/> unchanged.</summary>
    internal static bool IsPlainIri(ReadOnlySpan<char> iri) => !iri.ContainsAny(IriEscaped);

    private static void AppendEscapedLiteral(StringBuilder sb, string value)
    {
        var rest = value.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(LiteralEscaped)) >= 0)
        {
            sb.Append(rest[..next]);
            var c = rest[next];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\f': sb.Append("\\f"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            }

            rest = rest[(next + 1)..];
        }

        sb.Append(rest);
    }

    private static string ControlsAndSpace() => string.Create(0x21, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)i;
        }
    });
}
