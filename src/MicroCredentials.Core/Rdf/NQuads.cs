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
        // Canonical N-Quads writes IRIs as they are; characters not allowed in IRIREF are UCHAR-escaped.
        foreach (var c in iri)
        {
            if (c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void AppendEscapedLiteral(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }
    }
}
