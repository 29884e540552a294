using Microsoft.Net.Http.Headers;

namespace MicroCredentials.Host.Pages;

/// <summary>Chooses the page language: an explicit <c>?lang=</c> switch, else Accept-Language, else Dutch.</summary>
internal static class PageLanguage
{
    public static string Choose(HttpRequest request)
    {
        var explicitLang = request.Query["lang"].ToString();
        if (explicitLang is "nl" or "en")
        {
            return explicitLang;
        }

        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage.Where(v => v is not null).Select(v => v!).ToList(), out var langs) && langs is not null)
        {
            foreach (var l in langs.OrderByDescending(l => l.Quality ?? 1))
            {
                var tag = l.Value.ToString().ToLowerInvariant();
                if (tag.StartsWith("nl", StringComparison.Ordinal))
                {
                    return "nl";
                }

                if (tag.StartsWith("en", StringComparison.Ordinal))
                {
                    return "en";
                }
            }
        }

        return "nl";
    }
}
