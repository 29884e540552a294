namespace MicroCredentials.Data.Jobs;

/// <summary>The stored states of a job row (wire names in one place).</summary>
internal static class JobRowStates
{
    public const string Pending = "pending";
    public const string Claimed = "claimed";
    public const string Issued = "issued";
    public const string AlreadyIssued = "already_issued";
    public const string Rejected = "rejected";
}
