using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Finds the learner with this e-mail lookup hash or creates one; an existing learner's name is updated.</summary>
    /// <param name="emailHash">From <see cref="LearnerEmailHash.Compute"/>.</param>
    /// <param name="name">The learner's name as it will appear on the credential.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The learner.</returns>
    public async Task<Learner> UpsertLearnerAsync(string emailHash, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            INSERT INTO learners (email_hash, name, created_at, updated_at) VALUES (@hash, @name, @now, @now)
            ON CONFLICT (email_hash) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            RETURNING id, email_hash, name
            """)
            .With("@hash", emailHash)
            .With("@name", name)
            .With("@now", Now());
        return (await ReadLearnersAsync(command, cancellationToken))[0];
    }

    /// <summary>Finds a learner by e-mail lookup hash.</summary>
    /// <param name="emailHash">From <see cref="LearnerEmailHash.Compute"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The learner, or <see langword="null"/>.</returns>
    public async Task<Learner?> FindLearnerByEmailHashAsync(string emailHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emailHash);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, email_hash, name FROM learners WHERE email_hash = @hash").With("@hash", emailHash);
        var found = await ReadLearnersAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Reads a learner by row id.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The learner, or <see langword="null"/>.</returns>
    public async Task<Learner?> GetLearnerAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, email_hash, name FROM learners WHERE id = @id").With("@id", id);
        var found = await ReadLearnersAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<List<Learner>> ReadLearnersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var learners = new List<Learner>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            learners.Add(new Learner(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return learners;
    }
}
