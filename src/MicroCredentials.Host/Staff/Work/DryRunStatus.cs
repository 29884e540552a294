namespace MicroCredentials.Host.Staff.Work;

/// <summary>What issuing a spreadsheet row would do.</summary>
public enum DryRunStatus
{
    /// <summary>A new credential would be issued.</summary>
    New,

    /// <summary>This learner already has this credential for this date: nothing is issued again.</summary>
    AlreadyIssued,

    /// <summary>The row has a problem; it is not issued until it is fixed.</summary>
    Invalid,

    /// <summary>An empty row: skipped.</summary>
    Empty,
}
