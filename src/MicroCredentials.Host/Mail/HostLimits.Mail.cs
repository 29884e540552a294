namespace MicroCredentials.Host;

/// <summary>Bounds on the staff e-mail pages (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Messages on one page of a job's e-mails (each with its re-send form).</summary>
    public const int MailPageSize = 200;

    /// <summary>Highest page number accepted: more than any job has (100,000 rows / 200); beyond it the query is refused.</summary>
    public const int MailMaxPage = 1_000;

    /// <summary>Messages queued per database transaction when staff e-mail a job (a 100,000-row job is never held in memory).</summary>
    public const int MailQueueChunk = 500;
}
