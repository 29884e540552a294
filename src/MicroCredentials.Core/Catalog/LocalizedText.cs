namespace MicroCredentials.Catalog;

/// <summary>Helpers for the language maps (<c>{"nl": …, "en": …}</c>) used throughout the catalogue and credential.</summary>
public static class LocalizedText
{
    /// <summary>The languages every micro-credential text must be given in (the certificate in French falls back to English).</summary>
    public static readonly IReadOnlyList<string> SupportedLanguages = ["nl", "en"];

    /// <summary>The languages a certificate is offered in; the issuer's per-language fields must cover each.</summary>
    public static readonly IReadOnlyList<string> CertificateLanguages = ["nl", "en", "fr"];

    /// <summary>
    /// The text in <paramref name="language"/>, else English, else Dutch, else any; null when the map is null or empty.
    /// </summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? map, string language)
    {
        if (map is null || map.Count == 0)
        {
            return null;
        }

        return map.TryGetValue(language, out var v) ? v
            : map.TryGetValue("en", out v) ? v
            : map.TryGetValue("nl", out v) ? v
            : map.Values.First();
    }

    /// <summary>The list in <paramref name="language"/>, with the same fallbacks as <see cref="Pick"/>.</summary>
    public static IReadOnlyList<string> PickList(IReadOnlyDictionary<string, IReadOnlyList<string>>? map, string language)
    {
        if (map is null || map.Count == 0)
        {
            return [];
        }

        return map.TryGetValue(language, out var v) ? v
            : map.TryGetValue("en", out v) ? v
            : map.TryGetValue("nl", out v) ? v
            : map.Values.First();
    }
}
