namespace MicroCredentials;

/// <summary>Bounds on the institution's logo in the catalogue (issuer block, a <c>data:</c> URI).</summary>
public static partial class CoreLimits
{
    /// <summary>Largest logo (decoded bytes): 256 KiB is ample for a crisp PNG of a logo shown 48 px high on a page.</summary>
    public const int MaxLogoBytes = 256 * 1024;

    /// <summary>Widest or tallest logo in pixels: 2,000 px is more than any page shows; bigger only costs decoding.</summary>
    public const int MaxLogoSide = 2000;

    /// <summary>Narrowest or lowest logo in pixels: below 16 px nothing is recognisable.</summary>
    public const int MinLogoSide = 16;
}
