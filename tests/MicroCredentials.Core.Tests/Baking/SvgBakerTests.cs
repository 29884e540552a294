using System.Xml.Linq;
using MicroCredentials.Baking;

namespace MicroCredentials.Core.Tests.Baking;

public sealed class SvgBakerTests
{
    private static readonly XNamespace Badges = "https://purl.imsglobal.org/ob/v3p0";

    [Test]
    public void Bake_Jwt_PutsVerifyAttributeOnFirstChild()
    {
        var baked = XDocument.Parse(SvgBaker.Bake(DefaultBadge.Svg(), BakingSamples.Jwt));

        var first = baked.Root!.Elements().First();
        Assert.That(first.Name, Is.EqualTo(Badges + "credential"));
        Assert.That(first.Attribute("verify")?.Value, Is.EqualTo(BakingSamples.Jwt));
        Assert.That(baked.Root.Attribute(XNamespace.Xmlns + "openbadges")?.Value, Is.EqualTo("https://purl.imsglobal.org/ob/v3p0"));
    }

    [Test]
    public void Bake_Json_PutsJsonInCdataAndExtractsItUnchanged()
    {
        var baked = SvgBaker.Bake(DefaultBadge.Svg(), BakingSamples.Json);

        Assert.That(baked, Does.Contain("<openbadges:credential><![CDATA["));
        Assert.That(SvgBaker.Extract(baked), Is.EqualTo(new BadgeExtraction(BadgeExtractionStatus.Found, BakingSamples.Json.Trim())));
    }

    [Test]
    public void Bake_AlreadyBaked_ReplacesTheElement()
    {
        var twice = SvgBaker.Bake(SvgBaker.Bake(DefaultBadge.Svg(), BakingSamples.Json), BakingSamples.Jwt);

        Assert.That(XDocument.Parse(twice).Descendants(Badges + "credential").Count(), Is.EqualTo(1));
        Assert.That(SvgBaker.Extract(twice).Credential, Is.EqualTo(BakingSamples.Jwt));
    }

    [Test]
    public void Extract_ValidatorStyleSvgWithDoctype_ReadsVerifyAttribute()
    {
        // The shape of the 1EdTech validator's baked samples: XML declaration, SVG 1.1 DOCTYPE, xml:space, prefix declared up front.
        var svg = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" viewBox="0 0 10 10" xml:space="preserve">
                <openbadges:credential verify="{BakingSamples.Jwt}"></openbadges:credential>
                <g><circle cx="5" cy="5" r="4"/></g>
            </svg>
            """;

        Assert.That(SvgBaker.Extract(svg), Is.EqualTo(new BadgeExtraction(BadgeExtractionStatus.Found, BakingSamples.Jwt)));
    }

    [Test]
    public void Extract_EntityExpansionAttempt_IsNotExpanded()
    {
        var svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&secret;</openbadges:credential></svg>
            """;

        Assert.That(SvgBaker.Extract(svg).Credential ?? string.Empty, Does.Not.Contain("root:"));
    }

    [Test]
    public void Extract_UnbakedSvg_ReturnsNotBaked()
    {
        Assert.That(SvgBaker.Extract(DefaultBadge.Svg()).Status, Is.EqualTo(BadgeExtractionStatus.NotBaked));
    }

    [TestCase("not xml at all")]
    [TestCase("<html><body/></html>")]
    public void Extract_NotAnSvg_ReturnsMalformed(string markup)
    {
        Assert.That(SvgBaker.Extract(markup).Status, Is.EqualTo(BadgeExtractionStatus.Malformed));
    }

    [Test]
    public void Bake_NotAnSvg_Throws()
    {
        Assert.That(() => SvgBaker.Bake("<html/>", BakingSamples.Jwt), Throws.ArgumentException);
    }
}
