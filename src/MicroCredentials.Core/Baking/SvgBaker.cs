using System.Xml;
using System.Xml.Linq;

namespace MicroCredentials.Baking;

/// <summary>
/// Bakes an Open Badges 3.0 credential into an SVG and extracts it (OB 3.0 "Baking" — SVG): the root
/// <c>&lt;svg&gt;</c> declares <c>xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"</c> and its first child is one
/// <c>&lt;openbadges:credential&gt;</c>, carrying a compact JWS in its <c>verify</c> attribute or the credential JSON
/// in a CDATA section.
/// </summary>
public static partial class SvgBaker
{
    private static readonly XNamespace Badges = BakingTerms.SvgNamespace;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Returns <paramref name="svg"/> with <paramref name="credential"/> baked in, replacing an earlier one.</summary>
    /// <param name="svg">The badge image (SVG markup; a DOCTYPE is dropped, never resolved).</param>
    /// <param name="credential">A compact JWS (VC-JWT) or the credential JSON with its embedded proof.</param>
    /// <exception cref="ArgumentException">The markup is not an SVG document, or the credential is neither JSON nor a JWS.</exception>
    public static string Bake(string svg, string credential)
    {
        BakingTerms.RequireCredential(credential);
        var document = Load(svg) ?? throw new ArgumentException("The image is not an SVG document.", nameof(svg));
        var root = document.Root!;
        root.Elements(Badges + BakingTerms.SvgElement).Remove();
        root.SetAttributeValue(XNamespace.Xmlns + BakingTerms.SvgPrefix, BakingTerms.SvgNamespace);
        var element = BakingTerms.IsCompactJws(credential)
            ? new XElement(Badges + BakingTerms.SvgElement, new XAttribute(BakingTerms.SvgVerifyAttribute, credential))
            : new XElement(Badges + BakingTerms.SvgElement, new XCData(credential));
        root.AddFirst(element);
        return document.Declaration is null ? root.ToString(SaveOptions.DisableFormatting) : document.Declaration + root.ToString(SaveOptions.DisableFormatting);
    }

    private static XDocument? Load(string svg)
    {
        // No DTD processing and no resolver: an uploaded SVG cannot make us read files or expand entity bombs.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = CoreLimits.MaxSvgCharacters,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            return document.Root?.Name == Svg + "svg" || document.Root?.Name.LocalName == "svg" ? document : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
