namespace MicroCredentials.Data.Mail;

/// <summary>The stored states of a message to a graduate (the <c>mail_messages.state</c> values).</summary>
public static class MailStates
{
    /// <summary>Waiting to be sent (first time, after a transient failure, or re-sent by staff).</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a worker that is talking to the SMTP server now (taken over when its lease runs out).</summary>
    public const string Sending = "sending";

    /// <summary>Accepted by the SMTP server; the address is erased.</summary>
    public const string Sent = "sent";

    /// <summary>Refused for good (a 5xx answer, or the retries ran out); the address is erased.</summary>
    public const string Failed = "failed";
}
