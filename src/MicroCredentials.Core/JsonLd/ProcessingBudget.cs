namespace MicroCredentials.JsonLd;

/// <summary>
/// The counters of one expansion or toRdf call that enforce <see cref="CoreLimits"/>: recursion depths and the
/// number of contexts processed. Plain integer fields, no allocation per check.
/// </summary>
internal sealed class ProcessingBudget
{
    private int termDepth;
    private int contextDepth;
    private int contexts;

    /// <summary>Enters a nested Create Term Definition call.</summary>
    /// <exception cref="JsonLdException"><c>invalid IRI mapping</c> past <see cref="CoreLimits.JsonLdMaxTermDefinitionDepth"/>.</exception>
    public void EnterTerm(string term)
    {
        if (++termDepth > CoreLimits.JsonLdMaxTermDefinitionDepth)
        {
            throw new JsonLdException(
                JsonLdErrorCodes.InvalidIriMapping,
                $"the definition of {Shorten(term)} depends on more than {CoreLimits.JsonLdMaxTermDefinitionDepth} other term definitions");
        }
    }

    public void ExitTerm() => termDepth--;

    /// <summary>Enters a nested context processing call.</summary>
    /// <exception cref="JsonLdException"><c>context overflow</c> past <see cref="CoreLimits.JsonLdMaxContextDepth"/>.</exception>
    public void EnterContext()
    {
        if (++contextDepth > CoreLimits.JsonLdMaxContextDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"contexts nest more than {CoreLimits.JsonLdMaxContextDepth} deep");
        }
    }

    /// <summary>Counts one more local context processed.</summary>
    /// <exception cref="JsonLdException"><c>context overflow</c> past <see cref="CoreLimits.JsonLdMaxContextsPerDocument"/>.</exception>
    public void CountContext()
    {
        if (++contexts > CoreLimits.JsonLdMaxContextsPerDocument)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"the document needs more than {CoreLimits.JsonLdMaxContextsPerDocument} contexts");
        }
    }

    public void ExitContext() => contextDepth--;

    /// <summary>The contexts processed so far (for tests).</summary>
    public int ContextsProcessed => contexts;

    /// <summary>Raises <c>nesting too deep</c> when <paramref name="depth"/> is past <see cref="CoreLimits.JsonLdMaxNestingDepth"/>.</summary>
    public static void CheckNesting(int depth, string? path)
    {
        if (depth > CoreLimits.JsonLdMaxNestingDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.NestingTooDeep, $"the document nests more than {CoreLimits.JsonLdMaxNestingDepth} deep", path);
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");
}
