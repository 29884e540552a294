using System.Globalization;
using System.Text;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Components.Pages.Graduate;

/// <summary>What the graduate's page <c>/d/{token}</c> shows.</summary>
public sealed record DownloadModel
{
    /// <summary>The stored credential.</summary>
    public required StoredCredential Stored { get; init; }

    /// <summary>The credential as read for the page.</summary>
    public required CredentialView Credential { get; init; }

    /// <summary>The page's own path (<c>/d/{token}</c>).</summary>
    public required string BasePath { get; init; }

    /// <summary>The public verification link.</summary>
    public required string VerificationUrl { get; init; }

    /// <summary>When a suspended credential was suspended (from the store's status record), when known.</summary>
    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>The issuing organisation's LinkedIn page id, when the catalogue gives one.</summary>
    public string? LinkedInOrganizationId { get; init; }

    /// <summary>Neither revoked nor suspended: LinkedIn and sharing are offered.</summary>
    public bool InForce => !Stored.IsRevoked && !Stored.IsSuspended;

    /// <summary>The award date (the learner's achievement), else the signing date.</summary>
    public DateOnly AwardedOn => Credential.AwardedOn ?? DateOnly.FromDateTime((Stored.AwardedAt ?? Stored.IssuedAt).UtcDateTime);

    /// <summary>LinkedIn's add-to-profile link, built from the award date.</summary>
    public string LinkedInUrl =>
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
        + "&name=" + Uri.EscapeDataString(Credential.Title ?? string.Empty)
        + (LinkedInOrganizationId is { } org ? "&organizationId=" + Uri.EscapeDataString(org) : "&organizationName=" + Uri.EscapeDataString(Credential.IssuerName ?? string.Empty))
        + "&issueYear=" + AwardedOn.Year.ToString(CultureInfo.InvariantCulture)
        + "&issueMonth=" + AwardedOn.Month.ToString(CultureInfo.InvariantCulture)
        + "&certUrl=" + Uri.EscapeDataString(VerificationUrl)
        + "&certId=" + Uri.EscapeDataString(Stored.ShortCode);

    /// <summary>A plain file name that says what it is: <c>&lt;title&gt;-&lt;name&gt;[-&lt;lang&gt;].&lt;ext&gt;</c>, ASCII only.</summary>
    public static string FileName(CredentialView credential, string? language, string extension)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var parts = new[] { Slug(credential.Title), Slug(credential.LearnerName), language }.Where(p => !string.IsNullOrEmpty(p));
        var stem = string.Join("-", parts);
        return (stem.Length == 0 ? "certificate" : stem) + "." + extension;
    }

    // Letters lose their accents (Zoë → zoe); anything else becomes one dash; at most 60 characters per part.
    private static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
