using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// Keeps the e-mail address of each row of a batch job (the staff app's links CSV names them; the job itself clears its
    /// payload once a row is done). They stay only until <see cref="ForgetJobContactsAsync"/>.
    /// </summary>
    /// <param name="jobId">The job (must exist).</param>
    /// <param name="contacts">Line and e-mail address of each row.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written then).</param>
    public async Task SaveJobContactsAsync(string jobId, IEnumerable<(int Line, string Email)> contacts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(contacts);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        foreach (var (line, email) in contacts)
        {
            await using var insert = connection.Sql(
                "INSERT INTO job_contacts (job_id, line, email, created_at) VALUES (@job, @line, @email, @now) ON CONFLICT DO NOTHING", transaction)
                .With("@job", jobId).With("@line", line).With("@email", email).With("@now", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The kept e-mail address of each row of a job, by line (empty once forgotten).</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyDictionary<int, string>> ReadJobContactsAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT line, email FROM job_contacts WHERE job_id = @job").With("@job", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var contacts = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            contacts[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return contacts;
    }

    /// <summary>Deletes the kept e-mail addresses of a job; returns how many were deleted.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    public async Task<int> ForgetJobContactsAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var delete = connection.Sql("DELETE FROM job_contacts WHERE job_id = @job", transaction).With("@job", jobId);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
