namespace MicroCredentials.Data.Mail;

/// <summary>How many of a job's messages are waiting (queued or being sent), sent and failed.</summary>
public sealed record MailCounts(int Waiting, int Sent, int Failed)
{
    /// <summary>All the job's messages.</summary>
    public int Total => Waiting + Sent + Failed;
}
