namespace MicroCredentials.Pdf;

/// <summary>The outcome of comparing a PDF's printed text with the certificate rebuilt from its credential.</summary>
/// <param name="Matches">True when every page prints exactly what the certificate prints.</param>
/// <param name="MissingFacts">Credential facts a person cannot read on the file (<c>name</c>, <c>grade</c>, …).</param>
/// <param name="Difference">The first difference, in words; null when none.</param>
internal sealed record PrintedComparison(bool Matches, IReadOnlyList<string> MissingFacts, string? Difference)
{
    /// <summary>The file prints exactly our certificate.</summary>
    public static PrintedComparison Same { get; } = new(true, [], null);

    /// <summary>The file prints something else.</summary>
    public static PrintedComparison Differs(IReadOnlyList<string> missing, string? difference) =>
        new(false, missing, difference ?? (missing.Count > 0 ? $"Not legible on the page: {string.Join(", ", missing)}." : null));
}
