namespace MicroCredentials.Data.Jobs;

/// <summary>
/// Schema step 5: durable batch jobs. A job row holds one learner row of the uploaded CSV (its payload is cleared when
/// the row is done, so e-mail addresses do not outlive the job's run) and, once claimed, the status slots reserved for
/// it, so a row reclaimed after a crash reuses its slots instead of wasting new ones.
/// </summary>
internal static class JobsSchema
{
    /// <summary>Job rows per INSERT statement when a job is stored (8 parameters each, far under every provider's limit).</summary>
    public const int InsertRowsPerStatement = 100;

    /// <summary>A job still storing after this long was left by a crash (an upload takes seconds): a later upload deletes it.</summary>
    public static readonly TimeSpan StaleStoringAfter = TimeSpan.FromHours(1);

    public static string Sqlite { get; } = Sql("TEXT", "INTEGER");

    public static string Postgres { get; } = Sql("TIMESTAMPTZ", "BIGINT");

    private static string Sql(string timestamp, string bigint) => $"""
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            actor TEXT NOT NULL,
            file_name TEXT,
            total_rows INTEGER NOT NULL,
            created_at {timestamp} NOT NULL,
            started_at {timestamp},
            finished_at {timestamp});
        CREATE INDEX ix_jobs_state ON jobs (state, created_at);

        CREATE TABLE job_rows (
            job_id TEXT NOT NULL REFERENCES jobs (id),
            line INTEGER NOT NULL,
            state TEXT NOT NULL,
            payload TEXT,
            name TEXT,
            code TEXT,
            reason TEXT,
            credential_id TEXT,
            claimed_by TEXT,
            claimed_until {timestamp},
            revocation_list_id {bigint},
            revocation_index INTEGER,
            suspension_list_id {bigint},
            suspension_index INTEGER,
            done_at {timestamp},
            PRIMARY KEY (job_id, line));
        CREATE INDEX ix_job_rows_state ON job_rows (job_id, state, line);
        """;
}
