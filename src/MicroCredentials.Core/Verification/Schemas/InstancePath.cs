using System.Globalization;
using System.Text;

namespace MicroCredentials.Verification.Schemas;

/// <summary>
/// Where a value sits in the validated document, as a chain from the root; turned into a JSON pointer (RFC 6901) only
/// when an error is reported.
/// </summary>
internal sealed class InstancePath
{
    private readonly InstancePath? parent;
    private readonly string token;

    private InstancePath(InstancePath? parent, string token)
    {
        this.parent = parent;
        this.token = token;
    }

    /// <summary>The location of a document validated inside a larger one, e.g. <c>/credentialSubject/achievement</c>.</summary>
    public static InstancePath Root(string pointer) => new(null, pointer);

    /// <summary>An object member.</summary>
    public static InstancePath Member(InstancePath? parent, string name) =>
        new(parent, "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    /// <summary>An array item.</summary>
    public static InstancePath Item(InstancePath? parent, int index) => new(parent, "/" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The JSON pointer, or "the document" for the root.</summary>
    public static string Describe(InstancePath? path)
    {
        if (path is null || (path.parent is null && path.token.Length == 0))
        {
            return "the document";
        }

        var tokens = new Stack<string>();
        for (var p = path; p is not null; p = p.parent)
        {
            tokens.Push(p.token);
        }

        var text = new StringBuilder();
        foreach (var t in tokens)
        {
            text.Append(t);
        }

        return text.ToString();
    }
}
