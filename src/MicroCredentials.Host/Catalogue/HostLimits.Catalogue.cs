namespace MicroCredentials.Host;

/// <summary>Bounds on the staff catalogue pages (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Largest logo upload: the catalogue's own bound (<see cref="CoreLimits.MaxLogoBytes"/>), checked before reading.</summary>
    public const int MaxLogoBytes = CoreLimits.MaxLogoBytes;

    /// <summary>Largest catalogue file imported on the staff page: 4 MiB is hundreds of micro-credentials and a logo.</summary>
    public const int MaxCatalogueImportBytes = 4 * 1024 * 1024;

    /// <summary>Longest text in one field of the catalogue form (a description or a learning outcome list in one language).</summary>
    public const int CatalogueFieldMaxLength = 8000;

    /// <summary>Most learning outcomes in one language: a micro-credential has a handful; the certificate's details page fits about 20.</summary>
    public const int CatalogueMaxOutcomes = 30;

    /// <summary>Most form fields read from one catalogue form post (the form has about 70).</summary>
    public const int CatalogueMaxFormFields = 200;

    /// <summary>How often a host checks whether another host saved the catalogue.</summary>
    public static readonly TimeSpan CatalogueRefreshInterval = TimeSpan.FromSeconds(15);
}
