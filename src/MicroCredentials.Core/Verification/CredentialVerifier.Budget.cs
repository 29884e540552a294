namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    /// <summary>
    /// Runs one verification under its time budget: a token that fires after <see cref="CredentialVerifierOptions.Budget"/>
    /// on the verifier's clock, checked between the steps and inside the proof set (the synchronous canonicalisations
    /// cannot be interrupted midway; their own bounds are the JSON-LD and RDFC-1.0 limits). A spent budget is the
    /// verdict <see cref="Verdict.Unreadable"/> ("verification took too long"); the caller's own cancellation propagates.
    /// </summary>
    private async Task<VerificationReport> WithinBudgetAsync(Func<CancellationToken, Task<VerificationReport>> verify, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var budget = new CancellationTokenSource(_options.Budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await verify(linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TooLong();
        }
    }

    private VerificationReport TooLong() => new()
    {
        Verdict = Verdict.Unreadable,
        Checks =
        [
            new VerificationCheck(CheckId.Format, CheckOutcome.Fail, VerificationReasons.TooLong,
                $"The verification took too long (more than {_options.Budget.TotalSeconds:0.###} s): the credential is not one we can check."),
        ],
    };
}
