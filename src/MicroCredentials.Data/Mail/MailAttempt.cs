namespace MicroCredentials.Data.Mail;

/// <summary>What one hand-over of a message to the SMTP server came to.</summary>
public enum MailAttempt
{
    /// <summary>The server accepted it (2xx).</summary>
    Sent,

    /// <summary>A transient failure (4xx, connection or TLS problem): queued again for later.</summary>
    Retry,

    /// <summary>A permanent failure (5xx) or the last retry failed.</summary>
    Failed,
}
