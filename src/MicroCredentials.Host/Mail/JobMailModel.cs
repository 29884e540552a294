using MicroCredentials.Data.Mail;

namespace MicroCredentials.Host.Mail;

/// <summary>What the page of a job's e-mails shows.</summary>
/// <param name="JobId">The job, or null when it is unknown.</param>
/// <param name="Counts">How many wait, were sent and failed.</param>
/// <param name="Messages">This page's messages, in line order.</param>
/// <param name="Page">The page number (0-based).</param>
/// <param name="HasMore">Whether a next page exists.</param>
/// <param name="ContactsKept">Whether the job's addresses are still kept (else re-sending asks for the address).</param>
/// <param name="Done">What the last action did (<c>queued</c>, <c>resent</c>, <c>resentAll</c>), or null.</param>
/// <param name="DoneCount">How many messages that action concerned.</param>
/// <param name="Problem">Why the last action was refused, or null.</param>
public sealed record JobMailModel(string? JobId, MailCounts Counts, IReadOnlyList<MailMessageRecord> Messages, int Page, bool HasMore,
    bool ContactsKept, string? Done, int DoneCount, string? Problem);
