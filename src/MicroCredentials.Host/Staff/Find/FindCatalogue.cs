using MicroCredentials.Catalog;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>The micro-credential of a stored credential, read through the catalogue (its title in the page language).</summary>
internal static class FindCatalogue
{
    private const string Marker = "/achievements/";

    /// <summary>The catalogue code in an achievement id (<c>&lt;base&gt;/achievements/&lt;code&gt;/&lt;version&gt;</c>), or null.</summary>
    public static string? CodeOf(string achievementId)
    {
        var at = achievementId.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = achievementId[(at + Marker.Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
    }

    /// <summary>The title of the credential's micro-credential in <paramref name="language"/>; its code when the catalogue no longer has it.</summary>
    public static string TitleOf(this MicroCredentialCatalog catalog, string achievementId, string language)
    {
        var code = CodeOf(achievementId);
        return code is not null && catalog.Find(code) is { } mc ? LocalizedText.Pick(mc.Title, language) ?? mc.Code : code ?? achievementId;
    }
}
