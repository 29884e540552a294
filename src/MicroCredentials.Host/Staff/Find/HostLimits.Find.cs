namespace MicroCredentials.Host;

/// <summary>Bounds of the staff app's find pages (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Credentials on one page of search results: a screen or two of rows.</summary>
    public const int FindPageSize = 25;

    /// <summary>Highest result page served: 10,000 pages of 25 reach a quarter of a million credentials; narrow the search for more.</summary>
    public const int FindMaxPage = 10_000;

    /// <summary>Longest handle accepted in a credential page's address (a handle is 22 characters).</summary>
    public const int FindHandleMaxLength = 64;

    /// <summary>Audit entries shown in a credential's history: a credential's whole life is a handful.</summary>
    public const int FindHistoryMaxEntries = 200;

    /// <summary>Credentials of one learner shown together (and added up): far more than anyone earns.</summary>
    public const int FindLearnerMaxCredentials = 500;

    /// <summary>Longest reason kept for a revocation, suspension or re-issue (it is written in the audit log).</summary>
    public const int FindReasonMaxLength = 500;
}
