using System.Text;
using MicroCredentials.Baking;

namespace MicroCredentials.Core.Tests.Baking;

/// <summary>The SVG reader's bounds (<see cref="CoreLimits"/>): nesting, length, credential size, cancellation.</summary>
public sealed class SvgBakerLimitsTests
{
    private const string Open = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">""";

    [Test]
    [CancelAfter(20_000)]
    public void Extract_DeeplyNested700KbSvg_IsRefusedAsTooDeep(CancellationToken cancellationToken)
    {
        // The shape that used to take 139 s: 100,000 nested groups, the credential at the bottom.
        var svg = Open + string.Concat(Enumerable.Repeat("<g>", 100_000)) + Credential() + string.Concat(Enumerable.Repeat("</g>", 100_000)) + "</svg>";
        Assert.That(svg.Length, Is.GreaterThan(700_000));

        var extraction = SvgBaker.Extract(svg, cancellationToken);

        Assert.That(extraction.Status, Is.EqualTo(BadgeExtractionStatus.TooLarge));
        Assert.That(extraction.Problem, Does.Contain("deeper than"));
    }

    [TestCase(0, BadgeExtractionStatus.Found, TestName = "Extract_CredentialAtMaxDepth_IsFound")]
    [TestCase(1, BadgeExtractionStatus.TooLarge, TestName = "Extract_CredentialOnePastMaxDepth_IsRefused")]
    public void Extract_DepthAroundCap(int over, BadgeExtractionStatus expected)
    {
        // The root is depth 0, so MaxSvgDepth - 1 groups put the credential at exactly MaxSvgDepth.
        var groups = CoreLimits.MaxSvgDepth - 1 + over;
        var svg = Open + string.Concat(Enumerable.Repeat("<g>", groups)) + Credential() + string.Concat(Enumerable.Repeat("</g>", groups)) + "</svg>";

        Assert.That(SvgBaker.Extract(svg).Status, Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(20_000)]
    public void Extract_LargeSvgWithCredentialFirst_IsFoundWithoutReadingTheRest(CancellationToken cancellationToken)
    {
        // 7 MiB of drawing after the credential: reading stops at the credential, so even broken markup later is fine.
        var svg = Open + Credential() + string.Concat(Enumerable.Repeat("<rect width=\"1\" height=\"1\"/>", 250_000)) + "<unclosed>";

        var extraction = SvgBaker.Extract(svg, cancellationToken);

        Assert.That(extraction, Is.EqualTo(new BadgeExtraction(BadgeExtractionStatus.Found, BakingSamples.Jwt)));
    }

    [Test]
    [CancelAfter(20_000)]
    public void Extract_LargeFlatSvgWithoutCredential_IsNotBaked(CancellationToken cancellationToken)
    {
        var svg = Open + string.Concat(Enumerable.Repeat("<g><rect width=\"1\" height=\"1\"/></g>", 150_000)) + "</svg>";
        Assert.That(svg.Length, Is.LessThan(CoreLimits.MaxSvgCharacters));

        Assert.That(SvgBaker.Extract(svg, cancellationToken).Status, Is.EqualTo(BadgeExtractionStatus.NotBaked));
    }

    [Test]
    public void Extract_SvgOnePastMaxCharacters_IsRefusedAsTooLarge()
    {
        var svg = Open + "<desc>" + new string('x', (int)CoreLimits.MaxSvgCharacters) + "</desc>" + Credential() + "</svg>";

        var extraction = SvgBaker.Extract(svg);

        Assert.That(extraction.Status, Is.EqualTo(BadgeExtractionStatus.TooLarge));
        Assert.That(extraction.Problem, Does.Contain("longer than"));
    }

    [TestCase(0, BadgeExtractionStatus.Found, TestName = "Extract_CredentialTextAtCap_IsRead")]
    [TestCase(1, BadgeExtractionStatus.TooLarge, TestName = "Extract_CredentialTextOnePastCap_IsRefused")]
    public void Extract_CredentialTextAroundCap(int over, BadgeExtractionStatus expected)
    {
        var json = "{" + new string('x', CoreLimits.MaxBakedCredentialBytes - 2 + over) + "}";
        var svg = Open + "<openbadges:credential><![CDATA[" + json + "]]></openbadges:credential></svg>";

        Assert.That(SvgBaker.Extract(svg).Status, Is.EqualTo(expected));
    }

    [Test]
    public void Extract_CancelledRequest_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => SvgBaker.Extract(Open + Credential() + "</svg>", cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void ExtractText_DeeplyNestedSvg_IsUnreadableWithReason()
    {
        var svg = Open + string.Concat(Enumerable.Repeat("<g>", 1000)) + string.Concat(Enumerable.Repeat("</g>", 1000)) + "</svg>";

        var text = MicroCredentials.Verification.CredentialInputs.ExtractText(Encoding.UTF8.GetBytes(svg), CancellationToken.None, out var problem);

        Assert.That(text, Is.Null);
        Assert.That(problem, Does.Contain("deeper than"));
    }

    private static string Credential() => $"<openbadges:credential verify=\"{BakingSamples.Jwt}\"/>";
}
