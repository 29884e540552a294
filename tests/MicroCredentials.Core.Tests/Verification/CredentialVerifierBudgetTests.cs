using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// The time budget of one verification (<see cref="CredentialVerifierOptions.Budget"/>): measured on the verifier's
/// clock, so the test spends it deterministically — the key resolver, called inside the proof step, advances the fake
/// clock by as much as the step is made to "take".
/// </summary>
public sealed class CredentialVerifierBudgetTests
{
    private VerifierSetup setup = null!;

    [SetUp]
    public void SetUp() => setup = new VerifierSetup();

    [TearDown]
    public void TearDown() => setup.Dispose();

    [Test]
    public void DefaultBudget_IsTwoSeconds() =>
        Assert.That(CredentialVerifierOptions.Default.Budget, Is.EqualTo(TimeSpan.FromSeconds(2)).And.EqualTo(CoreLimits.VerificationBudget));

    [Test]
    public async Task Verify_JustWithinTheBudget_IsValid_OnePast_IsUnreadableTooLong()
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());

        var within = await Slow(CoreLimits.VerificationBudget - TimeSpan.FromMilliseconds(1)).VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);
        var past = await Slow(CoreLimits.VerificationBudget + TimeSpan.FromMilliseconds(1)).VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(within.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(past.Verdict, Is.EqualTo(Verdict.Unreadable));
        var check = past.Checks.Single();
        Assert.That((check.Id, check.Outcome, check.Reason), Is.EqualTo((CheckId.Format, CheckOutcome.Fail, VerificationReasons.TooLong)));
        Assert.That(check.Detail, Does.Contain("took too long"));
    }

    [Test]
    public async Task Verify_ConfiguredBudget_IsHonoured()
    {
        var options = new CredentialVerifierOptions { Budget = TimeSpan.FromMilliseconds(100) };
        var credential = setup.Sign(VerifierSetup.Unsigned());

        var report = await Slow(TimeSpan.FromMilliseconds(101), options).VerifyTextAsync(credential.ToJsonString(), setup.Lists, CancellationToken.None);

        Assert.That(report.Checks.Single().Reason, Is.EqualTo(VerificationReasons.TooLong));
    }

    [Test]
    public void Verify_CallerCancelled_Propagates()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await setup.Verifier.VerifyJsonAsync(setup.Sign(VerifierSetup.Unsigned()), setup.Lists, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Create_NonPositiveBudget_Throws() =>
        Assert.That(() => setup.Create(options: new CredentialVerifierOptions { Budget = TimeSpan.Zero }), Throws.InstanceOf<ArgumentOutOfRangeException>());

    // A verifier whose proof step "takes" the given time on the fake clock.
    private CredentialVerifier Slow(TimeSpan taking, CredentialVerifierOptions? options = null) =>
        setup.Create(resolver: vm =>
        {
            setup.Time.Advance(taking);
            return setup.Keys.DataIntegrityKeyResolver(vm);
        }, options);
}
