using System.Data.Common;
using MicroCredentials.Data.Storage;
using MicroCredentials.Status;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string CredentialColumns =
        """
        id, handle, short_code, idempotency_key, learner_id, achievement_id, catalogue_version, credential_json, jwt,
        issued_at, awarded_at, revocation_list_id, revocation_index, suspension_list_id, suspension_index, revoked_at,
        revocation_reason, suspended, supersedes, superseded_by, learner_name
        """;

    /// <summary>Finds a credential by its <c>id</c>.</summary>
    /// <param name="id">The credential id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    public Task<StoredCredential?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        FindAsync("id", id, cancellationToken);

    /// <summary>Finds a credential by the handle in its verification link.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    public Task<StoredCredential?> FindByHandleAsync(string handle, CancellationToken cancellationToken) =>
        FindAsync("handle", handle, cancellationToken);

    /// <summary>Finds a credential by the short code printed on the certificate (exact match; normalise before calling).</summary>
    /// <param name="shortCode">The short code.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    public Task<StoredCredential?> FindByShortCodeAsync(string shortCode, CancellationToken cancellationToken) =>
        FindAsync("short_code", shortCode, cancellationToken);

    /// <summary>Finds the credential issued under an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    public Task<StoredCredential?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        FindAsync("idempotency_key", idempotencyKey, cancellationToken);

    /// <summary>Finds a credential by the graduate's plain download token (looked up by its SHA-256).</summary>
    /// <param name="downloadToken">The token from the download link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    public async Task<StoredCredential?> FindByDownloadTokenAsync(string downloadToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloadToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindOneAsync(connection, null, "download_token_hash", HashToken(downloadToken), cancellationToken);
    }

    /// <summary>Lists credentials, newest first.</summary>
    /// <param name="skip">Rows to skip (≥ 0).</param>
    /// <param name="take">Rows to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Up to <paramref name="take"/> credentials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A paging argument is out of range.</exception>
    public async Task<IReadOnlyList<StoredCredential>> ListCredentialsAsync(int skip, int take, CancellationToken cancellationToken)
    {
        CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {CredentialColumns} FROM credentials ORDER BY issued_at DESC, id DESC LIMIT @take OFFSET @skip")
            .With("@take", take)
            .With("@skip", skip);
        return await ReadCredentialsAsync(command, cancellationToken);
    }

    /// <summary>Lists a learner's credentials, newest first.</summary>
    /// <param name="learnerId">The learner row id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The learner's credentials.</returns>
    public async Task<IReadOnlyList<StoredCredential>> ListCredentialsForLearnerAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {CredentialColumns} FROM credentials WHERE learner_id = @learner ORDER BY issued_at DESC, id DESC")
            .With("@learner", learnerId);
        return await ReadCredentialsAsync(command, cancellationToken);
    }

    /// <summary>Counts stored credentials.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The number of credentials.</returns>
    public async Task<long> CountCredentialsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*) FROM credentials");
        return await command.ScalarInt64Async(cancellationToken);
    }

    private static void CheckPage(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, 1000);
    }

    private async Task<StoredCredential?> FindAsync(string column, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindOneAsync(connection, null, column, value, cancellationToken);
    }

    // column is always one of this class's constants, never caller text.
    private static async Task<StoredCredential?> FindOneAsync(
        DbConnection connection, DbTransaction? transaction, string column, object value, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql($"SELECT {CredentialColumns} FROM credentials WHERE {column} = @value", transaction)
            .With("@value", value);
        var found = await ReadCredentialsAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<StoredCredential>> ReadCredentialsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<StoredCredential>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredCredential
            {
                Id = reader.GetString(0),
                Handle = reader.GetString(1),
                ShortCode = reader.GetString(2),
                IdempotencyKey = reader.NullableString(3),
                LearnerId = reader.NullableInt64(4),
                AchievementId = reader.GetString(5),
                CatalogueVersion = reader.NullableString(6),
                CredentialJson = reader.GetString(7),
                Jwt = reader.NullableString(8),
                IssuedAt = reader.Timestamp(9),
                AwardedAt = reader.NullableTimestamp(10),
                Status = new StatusAllocation(
                    new StatusSlot(StatusPurpose.Revocation, reader.GetInt64(11), reader.GetInt32(12)),
                    new StatusSlot(StatusPurpose.Suspension, reader.GetInt64(13), reader.GetInt32(14))),
                RevokedAt = reader.NullableTimestamp(15),
                RevocationReason = reader.NullableString(16),
                IsSuspended = reader.GetBoolean(17),
                Supersedes = reader.NullableString(18),
                SupersededBy = reader.NullableString(19),
                LearnerName = reader.NullableString(20),
            });
        }

        return list;
    }
}
