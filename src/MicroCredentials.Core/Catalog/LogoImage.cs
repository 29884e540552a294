using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MicroCredentials.Catalog;

/// <summary>
/// The institution's logo: PNG or JPEG bytes, checked by their own header (signature, media type, width and height within
/// <see cref="CoreLimits"/>). In the catalogue JSON it is a <c>data:image/png;base64,…</c> URI in <c>issuer.logo</c>, so
/// an exported catalogue carries it and the pages serve it from the host's own origin.
/// </summary>
public sealed record LogoImage
{
    /// <summary><c>image/png</c> or <c>image/jpeg</c>.</summary>
    public required string MediaType { get; init; }

    /// <summary>The image file.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>Width in pixels (from the header).</summary>
    public required int Width { get; init; }

    /// <summary>Height in pixels (from the header).</summary>
    public required int Height { get; init; }

    /// <summary>A strong HTTP entity tag: the quoted hex SHA-256 of the bytes (first 32 digits).</summary>
    public string ETag => $"\"{Convert.ToHexStringLower(SHA256.HashData(Bytes))[..32]}\"";

    /// <summary>The logo as the catalogue stores it.</summary>
    public string ToDataUri() => $"data:{MediaType};base64,{Convert.ToBase64String(Bytes)}";

    /// <summary>Reads a logo's bytes: PNG or JPEG, within the size and dimension bounds; else the problem.</summary>
    /// <param name="bytes">The file as uploaded or decoded.</param>
    public static (LogoImage? Logo, CatalogError? Error) FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > CoreLimits.MaxLogoBytes)
        {
            return (null, Problem("Catalogue.Check.LogoTooLarge", $"the logo is larger than {CoreLimits.MaxLogoBytes / 1024} KiB.",
                (CoreLimits.MaxLogoBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var header = PngSize(bytes) is { } png ? ("image/png", png) : JpegSize(bytes) is { } jpeg ? ("image/jpeg", jpeg) : default;
        if (header.Item1 is null)
        {
            return (null, Problem("Catalogue.Check.LogoFormat", "the logo must be a PNG or JPEG image."));
        }

        var (width, height) = header.Item2;
        if (width is < CoreLimits.MinLogoSide or > CoreLimits.MaxLogoSide || height is < CoreLimits.MinLogoSide or > CoreLimits.MaxLogoSide)
        {
            return (null, Problem("Catalogue.Check.LogoSize",
                $"the logo must be {CoreLimits.MinLogoSide} to {CoreLimits.MaxLogoSide} pixels wide and high (it is {width} × {height}).",
                CoreLimits.MinLogoSide.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CoreLimits.MaxLogoSide.ToString(System.Globalization.CultureInfo.InvariantCulture),
                width.ToString(System.Globalization.CultureInfo.InvariantCulture), height.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return (new LogoImage { MediaType = header.Item1, Bytes = bytes, Width = width, Height = height }, null);
    }

    /// <summary>Reads the catalogue's <c>data:</c> URI form; its media type must match the bytes.</summary>
    /// <param name="dataUri">The <c>issuer.logo</c> value.</param>
    public static (LogoImage? Logo, CatalogError? Error) FromDataUri(string dataUri)
    {
        ArgumentNullException.ThrowIfNull(dataUri);
        // Base64 of the largest logo, plus the prefix: anything longer is refused before decoding.
        const int maxLength = (CoreLimits.MaxLogoBytes + 2) / 3 * 4 + 64;
        var comma = dataUri.IndexOf(',', StringComparison.Ordinal);
        if (dataUri.Length > maxLength)
        {
            return FromBytes(new byte[CoreLimits.MaxLogoBytes + 1]);
        }

        var prefix = comma < 0 ? string.Empty : dataUri[..comma];
        if (prefix is not ("data:image/png;base64" or "data:image/jpeg;base64"))
        {
            return (null, Problem("Catalogue.Check.LogoFormat", "the logo must be a PNG or JPEG image."));
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(dataUri[(comma + 1)..]);
        }
        catch (FormatException)
        {
            return (null, Problem("Catalogue.Check.LogoFormat", "the logo must be a PNG or JPEG image."));
        }

        var read = FromBytes(bytes);
        return read.Logo is { } logo && prefix != $"data:{logo.MediaType};base64"
            ? (null, Problem("Catalogue.Check.LogoFormat", "the logo must be a PNG or JPEG image."))
            : read;
    }

    private static CatalogError Problem(string key, string message, params string[] arguments) =>
        new("issuer", "logo", message) { Key = key, Arguments = arguments };

    // PNG: the signature, then IHDR with width and height as big-endian 32-bit integers.
    private static (int, int)? PngSize(byte[] b)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (b.Length < 33 || !b.AsSpan(0, 8).SequenceEqual(signature) || !b.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var w = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16));
        var h = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20));
        return ((int)Math.Min(w, int.MaxValue), (int)Math.Min(h, int.MaxValue));
    }

    // JPEG: walk the segments from SOI to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
    private static (int, int)? JpegSize(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }
}
