namespace MicroCredentials.Pdf.Layout;

/// <summary>Horizontal alignment of a line within its box.</summary>
internal enum TextAlign
{
    /// <summary>Flush left.</summary>
    Left,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Flush right.</summary>
    Right,
}
