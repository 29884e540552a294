namespace MicroCredentials.Data.Mail;

/// <summary>One stored message to a graduate: whom it is for, in which language, and what became of it.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="JobId">The batch job whose row it announces.</param>
/// <param name="Line">The row's line in the job.</param>
/// <param name="CredentialId">The credential whose links it carries.</param>
/// <param name="LearnerName">The learner's name (as on the credential).</param>
/// <param name="Code">The micro-credential's code.</param>
/// <param name="Language">The language it is written in (<c>nl</c>, <c>en</c> or <c>fr</c>).</param>
/// <param name="Email">The address, while the message may still be sent; null once it is sent or finally failed.</param>
/// <param name="EmailHash">The peppered lookup hash of the learner's address (kept after the address is erased).</param>
/// <param name="State">One of <see cref="MailStates"/>.</param>
/// <param name="Attempts">How many times it was handed to the SMTP server since it was (re-)queued.</param>
/// <param name="NextAttemptAt">When a queued message is due.</param>
/// <param name="SentAt">When the server accepted it, if it did.</param>
/// <param name="Answer">The server's last answer (bounded), or the connection problem.</param>
/// <param name="QueuedBy">The staff member who queued (or re-sent) it: the actor of its audit entries.</param>
/// <param name="QueuedAt">When it was queued.</param>
public sealed record MailMessageRecord(long Id, string JobId, int Line, string CredentialId, string LearnerName, string Code, string Language,
    string? Email, string? EmailHash, string State, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? Answer, string QueuedBy,
    DateTimeOffset QueuedAt);
