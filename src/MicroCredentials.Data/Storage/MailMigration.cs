namespace MicroCredentials.Data.Storage;

/// <summary>
/// Schema step 13: e-mail to the graduates. Each job contact gets the learner's language (the spreadsheet's optional
/// language column), and <c>mail_messages</c> holds one message per issued row of a job with its outcome. The address in
/// <c>email</c> is kept only while the message may still be sent: it is erased when the message is sent or finally
/// failed, and only the peppered lookup hash (<c>email_hash</c>) stays.
/// </summary>
internal static class MailMigration
{
    /// <summary>The SQL of the step.</summary>
    public static string Sql(string identity, string timestamp) => $"""
        ALTER TABLE job_contacts ADD COLUMN language TEXT;

        CREATE TABLE mail_messages (
            id {identity},
            job_id TEXT NOT NULL REFERENCES jobs (id),
            line INTEGER NOT NULL,
            credential_id TEXT NOT NULL REFERENCES credentials (id),
            learner_name TEXT NOT NULL,
            code TEXT NOT NULL,
            language TEXT NOT NULL,
            email TEXT,
            email_hash TEXT,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at {timestamp} NOT NULL,
            claimed_by TEXT,
            claimed_until {timestamp},
            sent_at {timestamp},
            answer TEXT,
            queued_by TEXT NOT NULL,
            queued_at {timestamp} NOT NULL,
            UNIQUE (job_id, line));
        CREATE INDEX ix_mail_messages_due ON mail_messages (state, next_attempt_at);
        """;
}
