namespace MicroCredentials.Host.Infrastructure.Configuration;

/// <summary>One setting that stops the host from starting: which, what is wrong with it, and what to do.</summary>
/// <param name="Setting">The configuration key, as in <c>appsettings.json</c> (<c>Issuer:SealPassword</c>).</param>
/// <param name="Problem">What is wrong, in one sentence.</param>
/// <param name="Fix">What to do about it, in one sentence.</param>
internal sealed record ConfigurationProblem(string Setting, string Problem, string Fix)
{
    /// <summary>The one line printed at start-up and by <c>microcred config check</c>.</summary>
    public override string ToString() => $"{Setting}: {Sentence(Problem)} Fix: {Sentence(Fix)}";

    // Messages from libraries end with or without a full stop: each part ends with exactly one.
    private static string Sentence(string text) => text.TrimEnd().TrimEnd('.') + ".";
}
