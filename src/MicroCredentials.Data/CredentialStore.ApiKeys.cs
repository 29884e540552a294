using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string ApiKeyPrefix = "mck_";

    /// <summary>
    /// Creates an API key: 256 random bits, returned once as <c>mck_{id}_{secret}</c>; only the SHA-256 of the secret
    /// is stored.
    /// </summary>
    /// <param name="name">A label for people and the audit log.</param>
    /// <param name="role">What the key may do.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The key with its plain text.</returns>
    public async Task<CreatedApiKey> CreateApiKeyAsync(string name, ApiKeyRole role, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now();

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        long id;
        await using (var insert = connection.Sql(
            "INSERT INTO api_keys (name, key_hash, role, created_at) VALUES (@name, @hash, @role, @now) RETURNING id", transaction)
            .With("@name", name)
            .With("@hash", SHA256.HashData(Encoding.ASCII.GetBytes(secret)))
            .With("@role", role.ToString())
            .With("@now", now))
        {
            id = await insert.ScalarInt64Async(cancellationToken);
        }

        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.ApiKeyCreate, null, $"{id} {name} {role}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var plain = string.Create(CultureInfo.InvariantCulture, $"{ApiKeyPrefix}{id}_{secret}");
        return new CreatedApiKey(new ApiKey(id, name, role, now, null), plain);
    }

    /// <summary>Checks a presented API key in constant time with respect to the secret.</summary>
    /// <param name="presentedKey">The key text from the request.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Whether it is valid, and why not.</returns>
    public async Task<ApiKeyVerification> VerifyApiKeyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!TryParseApiKey(presentedKey, out var id, out var secret))
        {
            return new ApiKeyVerification(ApiKeyVerificationOutcome.Malformed, null);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT id, name, role, created_at, revoked_at, key_hash FROM api_keys WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new ApiKeyVerification(ApiKeyVerificationOutcome.Unknown, null);
        }

        var key = ReadApiKey(reader);
        var stored = reader.GetFieldValue<byte[]>(5);
        if (!CryptographicOperations.FixedTimeEquals(stored, SHA256.HashData(Encoding.ASCII.GetBytes(secret))))
        {
            return new ApiKeyVerification(ApiKeyVerificationOutcome.Unknown, null);
        }

        return new ApiKeyVerification(key.RevokedAt is null ? ApiKeyVerificationOutcome.Valid : ApiKeyVerificationOutcome.Revoked, key);
    }

    /// <summary>Revokes an API key; later verification reports <see cref="ApiKeyVerificationOutcome.Revoked"/>.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="actor">Who revokes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> if it was active and is now revoked.</returns>
    public async Task<bool> RevokeApiKeyAsync(long id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var command = connection.Sql(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", transaction)
            .With("@now", now)
            .With("@id", id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.ApiKeyRevoke, null, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Lists all API keys (metadata only), oldest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The keys.</returns>
    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY id");
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(ReadApiKey(reader));
        }

        return keys;
    }

    private static ApiKey ReadApiKey(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), Enum.Parse<ApiKeyRole>(reader.GetString(2)), reader.Timestamp(3), reader.NullableTimestamp(4));

    private static bool TryParseApiKey(string? text, out long id, out string secret)
    {
        id = 0;
        secret = string.Empty;
        if (text is null || !text.StartsWith(ApiKeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = text.IndexOf('_', ApiKeyPrefix.Length);
        if (separator < 0
            || !long.TryParse(text.AsSpan(ApiKeyPrefix.Length, separator - ApiKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        secret = text[(separator + 1)..];
        return secret.Length == 43;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
