using System.Globalization;
using System.Text;

namespace MicroCredentials.JsonLd;

/// <summary>A position in the input document, built only in safe mode, e.g. <c>credentialSubject.achievement.fooBar</c>.</summary>
internal sealed class JsonPath
{
    private readonly JsonPath? parent;
    private readonly string? key;
    private readonly int index;

    private JsonPath(JsonPath? parent, string? key, int index)
    {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public static JsonPath Root { get; } = new(null, null, -1);

    public JsonPath Key(string k) => new(this, k, -1);

    public JsonPath Index(int i) => new(this, null, i);

    public override string ToString()
    {
        var parts = new List<JsonPath>();
        for (var p = this; p is not null && (p.key is not null || p.index >= 0); p = p.parent)
        {
            parts.Add(p);
        }

        var sb = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var p = parts[i];
            if (p.key is not null)
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(p.key);
            }
            else
            {
                sb.Append('[').Append(p.index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.Length == 0 ? "$" : sb.ToString();
    }
}
