using System.Collections.Frozen;

namespace MicroCredentials.JsonLd;

/// <summary>JSON-LD keywords (JSON-LD 1.1 §1.7) and the keyword-form test.</summary>
internal static class Keywords
{
    public const string Base = "@base";
    public const string Container = "@container";
    public const string Context = "@context";
    public const string Direction = "@direction";
    public const string Graph = "@graph";
    public const string Id = "@id";
    public const string Import = "@import";
    public const string Included = "@included";
    public const string Index = "@index";
    public const string Json = "@json";
    public const string Language = "@language";
    public const string List = "@list";
    public const string Nest = "@nest";
    public const string None = "@none";
    public const string Prefix = "@prefix";
    public const string Propagate = "@propagate";
    public const string Protected = "@protected";
    public const string Reverse = "@reverse";
    public const string Set = "@set";
    public const string Type = "@type";
    public const string Value = "@value";
    public const string Version = "@version";
    public const string Vocab = "@vocab";
    public const string Default = "@default";

    private static readonly FrozenSet<string> All = new[]
    {
        Base, Container, Context, Direction, Graph, Id, Import, Included, Index, Json, Language, List, Nest, None,
        Prefix, Propagate, Protected, Reverse, Set, Type, Value, Version, Vocab,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Framing = new[]
    {
        Default, "@embed", "@explicit", "@omitDefault", "@preserve", "@requireAll",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The JSON-LD 1.1 Framing keywords: keywords to jsonld.js, meaningless (and dropped) in expansion.</summary>
    public static bool IsFramingKeyword(string s) => Framing.Contains(s);

    public static bool IsKeyword(string? s) => s is not null && s.Length > 1 && s[0] == '@' && All.Contains(s);

    /// <summary>Has the form of a keyword: <c>@</c> followed by one or more ASCII letters only.</summary>
    public static bool HasKeywordForm(string s)
    {
        if (s.Length < 2 || s[0] != '@')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (!char.IsAsciiLetter(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
