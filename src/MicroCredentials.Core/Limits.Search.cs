namespace MicroCredentials;

/// <summary>Bounds on what staff type into the credential search (the staff app's find page).</summary>
public static partial class CoreLimits
{
    /// <summary>Longest search text read: the longest name (<see cref="MaxLearnerNameLength"/>) fits; the rest is ignored.</summary>
    public const int MaxSearchTextLength = MaxLearnerNameLength;

    /// <summary>
    /// Most words of a name search that each must occur in the name (one <c>LIKE</c> per word): a full name has a few;
    /// more only lengthens the query.
    /// </summary>
    public const int MaxSearchWords = 8;
}
