using System.Buffers;
using System.Text;
using MicroCredentials.Rdf;

namespace MicroCredentials.JsonLd;

/// <summary>IRI tests and RFC 3986 §5.2 reference resolution (no normalization, as JSON-LD 1.1 requires).</summary>
internal static class Iri
{
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\n\r\f");

    /// <summary>An absolute IRI: a scheme, a colon, and no whitespace (the test JavaScript processors use).</summary>
    public static bool IsAbsolute(string s)
    {
        var colon = SchemeEnd(s);
        if (colon < 0)
        {
            return false;
        }

        return !s.AsSpan().ContainsAny(Whitespace);
    }

    public static bool IsBlankNode(string s) => s.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>An IRI or blank node identifier fit for RDF output.</summary>
    public static bool IsWellFormedNode(string s) =>
        IsBlankNode(s) || (IsAbsolute(s) && !HasInvalidIriChars(s) && s.IndexOf('#', s.IndexOf('#', StringComparison.Ordinal) + 1) < 0);

    private static bool HasInvalidIriChars(string s) => !NQuads.IsPlainIri(s);

    /// <summary>Index of the colon ending a valid scheme, or -1.</summary>
    private static int SchemeEnd(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            return -1;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null)
        {
            return reference;
        }

        var r = Parse(reference);
        if (r.Scheme is not null)
        {
            return Compose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        var b = Parse(baseIri);
        string? authority;
        string path;
        string? query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                if (r.Path[0] == '/')
                {
                    path = RemoveDotSegments(r.Path);
                }
                else
                {
                    string merged;
                    if (b.Authority is not null && b.Path.Length == 0)
                    {
                        merged = "/" + r.Path;
                    }
                    else
                    {
                        var slash = b.Path.LastIndexOf('/');
                        merged = slash < 0 ? r.Path : string.Concat(b.Path.AsSpan(0, slash + 1), r.Path);
                    }

                    path = RemoveDotSegments(merged);
                }

                query = r.Query;
            }
        }

        return Compose(b.Scheme, authority, path, query, r.Fragment);
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    private static Parts Parse(string s)
    {
        string? fragment = null;
        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            fragment = s[(hash + 1)..];
            s = s[..hash];
        }

        string? query = null;
        var q = s.IndexOf('?');
        if (q >= 0)
        {
            query = s[(q + 1)..];
            s = s[..q];
        }

        string? scheme = null;
        var colon = SchemeEnd(s);
        if (colon > 0)
        {
            scheme = s[..colon];
            s = s[(colon + 1)..];
        }

        string? authority = null;
        if (s.StartsWith("//", StringComparison.Ordinal))
        {
            var end = s.IndexOf('/', 2);
            authority = end < 0 ? s[2..] : s[2..end];
            s = end < 0 ? string.Empty : s[end..];
        }

        return new Parts(scheme, authority, s, query, fragment);
    }

    private static string Compose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            sb.Append('#').Append(fragment);
        }

        return sb.ToString();
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    private static string RemoveDotSegments(string input)
    {
        if (input.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return input;
        }

        var output = new List<string>();
        var i = input;
        while (i.Length > 0)
        {
            if (i.StartsWith("../", StringComparison.Ordinal))
            {
                i = i[3..];
            }
            else if (i.StartsWith("./", StringComparison.Ordinal))
            {
                i = i[2..];
            }
            else if (i.StartsWith("/./", StringComparison.Ordinal))
            {
                i = i[2..];
            }
            else if (i == "/.")
            {
                i = "/";
            }
            else if (i.StartsWith("/../", StringComparison.Ordinal))
            {
                i = i[3..];
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (i == "/..")
            {
                i = "/";
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (i is "." or "..")
            {
                i = string.Empty;
            }
            else
            {
                var start = i[0] == '/' ? 1 : 0;
                var next = i.IndexOf('/', start);
                if (next < 0)
                {
                    next = i.Length;
                }

                output.Add(i[..next]);
                i = i[next..];
            }
        }

        return string.Concat(output);
    }
}
