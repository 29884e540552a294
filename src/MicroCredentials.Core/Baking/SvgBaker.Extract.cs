using System.Text;
using System.Xml;

namespace MicroCredentials.Baking;

public static partial class SvgBaker
{
    /// <summary>
    /// Reads the credential from the first <c>openbadges:credential</c> element in one forward pass of an
    /// <see cref="XmlReader"/>, stopping as soon as that element is read: no DTD processing and no resolver (entities
    /// are never expanded, nothing is fetched), at most <see cref="CoreLimits.MaxSvgCharacters"/> characters and
    /// <see cref="CoreLimits.MaxSvgDepth"/> levels of nesting, and a credential of at most
    /// <see cref="CoreLimits.MaxBakedCredentialBytes"/> characters. Linear in the markup read.
    /// </summary>
    /// <param name="svg">The uploaded markup.</param>
    /// <param name="cancellationToken">Stops reading when the requester has gone.</param>
    public static BadgeExtraction Extract(string svg, CancellationToken cancellationToken = default)
    {
        if (svg is null)
        {
            return new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
        }
        var settings = new XmlReaderSettings
        {
            // Ignore, not Prohibit: the 1EdTech validator's samples carry the SVG 1.1 DOCTYPE; it is skipped unread.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = CoreLimits.MaxSvgCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            return Scan(reader, cancellationToken);
        }
        catch (XmlException)
        {
            return svg.Length > CoreLimits.MaxSvgCharacters
                ? TooLarge($"The SVG is longer than {CoreLimits.MaxSvgCharacters / 1024 / 1024} Mi characters; a badge is far smaller.")
                : new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
        }
    }

    private static BadgeExtraction Scan(XmlReader reader, CancellationToken cancellationToken)
    {
        var sawRoot = false;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.Depth > CoreLimits.MaxSvgDepth)
            {
                return TooLarge($"The SVG nests elements deeper than {CoreLimits.MaxSvgDepth} levels; a badge has a few.");
            }
            if (!sawRoot)
            {
                if (reader.LocalName != "svg")
                {
                    return new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
                }
                sawRoot = true;
                continue;
            }
            if (reader.LocalName == BakingTerms.SvgElement && reader.NamespaceURI == BakingTerms.SvgNamespace)
            {
                return ReadCredential(reader, cancellationToken);
            }
        }
        return sawRoot ? new BadgeExtraction(BadgeExtractionStatus.NotBaked, null) : new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
    }

    /// <summary>The <c>verify</c> attribute, else the element's text (CDATA and text of its descendants, trimmed).</summary>
    private static BadgeExtraction ReadCredential(XmlReader reader, CancellationToken cancellationToken)
    {
        var value = reader.GetAttribute(BakingTerms.SvgVerifyAttribute);
        if (value is null && !reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            var text = new StringBuilder();
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.Depth > CoreLimits.MaxSvgDepth)
                {
                    return TooLarge($"The SVG nests elements deeper than {CoreLimits.MaxSvgDepth} levels; a badge has a few.");
                }
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(reader.Value);
                    if (text.Length > CoreLimits.MaxBakedCredentialBytes)
                    {
                        break;
                    }
                }
            }
            value = text.ToString();
        }
        value = value?.Trim() ?? string.Empty;
        return value.Length > CoreLimits.MaxBakedCredentialBytes
            ? TooLarge($"The baked credential is longer than {CoreLimits.MaxBakedCredentialBytes / 1024} Ki characters; a credential is about 10 KB.")
            : value.Length == 0
                ? new BadgeExtraction(BadgeExtractionStatus.Malformed, null)
                : new BadgeExtraction(BadgeExtractionStatus.Found, value);
    }

    private static BadgeExtraction TooLarge(string problem) => new(BadgeExtractionStatus.TooLarge, null, problem);
}
