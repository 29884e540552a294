using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MicroCredentials.Host.Components;

/// <summary>
/// The page languages (Dutch, English, French) and how one is chosen: <c>?lang=</c>, then the cookie the language switch
/// sets, then Accept-Language; English for every other language.
/// </summary>
internal static class PageCulture
{
    /// <summary>The query parameter of the language switch.</summary>
    public const string QueryKey = "lang";

    /// <summary>The cookie that remembers a language chosen with the switch.</summary>
    public const string CookieName = "mc-lang";

    /// <summary>The fallback for a language we do not offer.</summary>
    public const string Fallback = "en";

    /// <summary>The offered languages, in the order of the language switch.</summary>
    public static readonly IReadOnlyList<string> Languages = ["nl", "en", "fr"];

    private static readonly CultureInfo[] Cultures = [.. Languages.Select(CultureInfo.GetCultureInfo)];

    /// <summary>The current page language (<c>nl</c>, <c>en</c> or <c>fr</c>), from the request's UI culture.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && Languages.Contains(l) ? l : Fallback;

    /// <summary>True for a language we offer.</summary>
    public static bool IsOffered(string? language) => language is not null && Languages.Contains(language);

    /// <summary>Request localisation: query, cookie, Accept-Language, English; parents of regional tags (nl-BE → nl).</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Fallback);
        options.SupportedCultures = Cultures;
        options.SupportedUICultures = Cultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = HostLimits.AcceptLanguagesTried },
        ];
    }

    /// <summary>Remembers a language chosen with <c>?lang=</c> in a cookie, so the next page keeps it.</summary>
    public static void RememberChoice(HttpContext context)
    {
        var chosen = context.Request.Query[QueryKey].ToString();
        if (IsOffered(chosen) && context.Request.Cookies[CookieName] != CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)))
        {
            context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), new CookieOptions
            {
                Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
                Secure = context.Request.IsHttps,
            });
        }
    }

    /// <summary><paramref name="path"/> with <c>?lang=</c> (or <c>&amp;lang=</c>) set to <paramref name="language"/>.</summary>
    public static string WithLanguage(string path, string language) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + QueryKey + "=" + language;
}
