namespace MicroCredentials.Baking;

/// <summary>Outcome of looking for a baked credential in an image (a closed set).</summary>
public enum BadgeExtractionStatus
{
    /// <summary>A baked credential was found.</summary>
    Found,

    /// <summary>A valid image without a baked credential.</summary>
    NotBaked,

    /// <summary>Not a well-formed image of the expected type (PNG or SVG).</summary>
    Malformed,

    /// <summary>
    /// Reading stopped at one of <see cref="CoreLimits"/> (too many chunks, a credential or inflated text over the cap,
    /// markup nested too deep): a decompression bomb or an image far from a badge. <see cref="BadgeExtraction.Problem"/> says which.
    /// </summary>
    TooLarge,
}
