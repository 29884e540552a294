using MicroCredentials.JsonLd;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// How much of an upload is taken in (<see cref="CoreLimits.MaxCredentialJsonBytes"/>, JSON and JWT alike) and repeated back
/// (<see cref="CoreLimits.MaxEchoedChars"/>): a heap dump after the fuzz gate showed multi-megabyte uploads echoed whole
/// in reasons, and the pooled buffers that wrote them kept.
/// </summary>
public sealed class EchoBoundTests
{
    private VerifierSetup setup = null!;

    [SetUp]
    public void SetUp() => setup = new VerifierSetup();

    [TearDown]
    public void TearDown() => setup.Dispose();

    private string Padded(int length)
    {
        var signed = setup.Sign(VerifierSetup.Unsigned());
        var text = signed.ToJsonString();
        // Whitespace inside the object keeps it the same credential: only its length changes.
        return text[..^1] + new string(' ', length - text.Length) + "}";
    }

    [Test]
    public async Task VerifyText_AtTheBound_IsVerified()
    {
        var report = await setup.Verifier.VerifyTextAsync(Padded(CoreLimits.MaxCredentialJsonBytes), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
    }

    [Test]
    public async Task VerifyText_OnePastTheBound_IsUnreadableSayingWhy()
    {
        var report = await setup.Verifier.VerifyTextAsync("x" + Padded(CoreLimits.MaxCredentialJsonBytes), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("longer than 1024 Ki characters"));
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    public void Bound_KeepsTextUpToTheBoundAndCutsOnePast(int over, bool cut)
    {
        var text = new string('p', CoreLimits.MaxEchoedChars + over);

        var bounded = Echo.Bound(text);

        Assert.That(bounded.StartsWith(new string('p', CoreLimits.MaxEchoedChars), StringComparison.Ordinal));
        Assert.That(bounded == text, Is.EqualTo(!cut));
        if (cut)
        {
            Assert.That(bounded, Does.EndWith("… (201 characters)"));
        }
    }

    [Test]
    public void Bound_NeverSplitsASurrogatePair()
    {
        var text = new string('a', CoreLimits.MaxEchoedChars - 1) + "😀" + new string('b', 50);

        var bounded = Echo.Bound(text);

        Assert.That(bounded, Does.StartWith(new string('a', CoreLimits.MaxEchoedChars - 1) + "…"));
    }

    [Test]
    public async Task Verify_HugeRelativeIri_IsEchoedInAFewHundredCharacters()
    {
        // Changed after signing: verifying canonicalizes it, and JSON-LD safe mode names the relative IRI.
        var credential = setup.Sign(VerifierSetup.Unsigned());
        credential["credentialSubject"]!["id"] = new string('p', 100_000);
        var text = credential.ToJsonString();

        var report = await setup.Verifier.VerifyTextAsync(text, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Valid));
        Assert.That(report.Checks.Max(c => c.Detail.Length), Is.LessThan(1_000), string.Join("\n", report.Checks.Select(c => c.Detail.Length)));
    }

    [Test]
    public void JsonLdException_BoundsMessageAndPath()
    {
        var e = new JsonLdException("invalid IRI mapping", new string('m', 10_000), new string('q', 10_000));

        Assert.That(e.Message.Length, Is.LessThan(3 * CoreLimits.MaxEchoedChars));
        Assert.That(e.Path!.Length, Is.LessThan(CoreLimits.MaxEchoedChars + 40));
    }

    [Test]
    public void Check_DetailOverTheBound_IsCut()
    {
        var check = new VerificationCheck(CheckId.Format, CheckOutcome.Fail, "x", new string('d', 50_000));

        Assert.That(check.Detail.Length, Is.LessThan(CoreLimits.MaxEchoedChars + 40));
    }
}
