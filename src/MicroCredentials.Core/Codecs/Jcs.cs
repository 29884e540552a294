using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.Codecs;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: object members sorted by UTF-16 code units, no whitespace, strings with
/// minimal escaping, numbers in ECMAScript <c>Number.prototype.toString</c> form. Used for <c>@json</c> literals
/// (JSON-LD 1.1 API §8.1.3) and for <c>eddsa-jcs-2022</c>.
/// </summary>
public static class Jcs
{
    /// <summary>Canonicalizes a JSON value (RFC 8785 §3.2).</summary>
    /// <exception cref="ArgumentException">A number is not finite (NaN or infinity cannot be represented in JSON).</exception>
    public static string Canonicalize(JsonNode? node) => Canonicalize(JsonModel.FromNode(node));

    /// <summary>Canonicalizes a value of the processor's internal JSON model.</summary>
    internal static string Canonicalize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(FormatNumber(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case JList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, list[i]);
                }

                sb.Append(']');
                break;
            case JMap map:
                var keys = map.Keys.ToArray();
                Array.Sort(keys, StringComparer.Ordinal);
                sb.Append('{');
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteString(sb, keys[i]);
                    sb.Append(':');
                    Write(sb, map[keys[i]]);
                }

                sb.Append('}');
                break;
            default:
                throw new ArgumentException($"Unexpected value type {value.GetType()}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>ECMAScript <c>Number::toString</c> (ECMA-262 §6.1.6.1.20), as RFC 8785 §3.2.2.3 requires.</summary>
    internal static string FormatNumber(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("NaN and infinity are not valid JSON numbers.", nameof(d));
        }

        if (d == 0)
        {
            return "0";
        }

        // The shortest round-trip digits and the decimal exponent n, with value = 0.digits × 10^n.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var (digits, n) = Decompose(shortest);
        var k = digits.Length;
        var sb = new StringBuilder();
        if (d < 0)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (n > 0 && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (n > -6 && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static (string Digits, int N) Decompose(string s)
    {
        var exponent = 0;
        var e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? s : s[..dot];
        var fracPart = dot < 0 ? string.Empty : s[(dot + 1)..];
        var all = intPart + fracPart;
        var n = intPart.Length + exponent;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        n -= lead;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, n);
    }
}
