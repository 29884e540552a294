using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Remembers the column mapping <paramref name="actor"/> issued with for a spreadsheet header (replacing an earlier one).</summary>
    /// <param name="actor">The staff member.</param>
    /// <param name="headerKey">A fixed-length key of the header (e.g. its SHA-256 in hex).</param>
    /// <param name="mapping">The mapping as the staff app serialises it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SaveColumnMappingAsync(string actor, string headerKey, string mapping, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(headerKey);
        ArgumentNullException.ThrowIfNull(mapping);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var upsert = connection.Sql(
            """
            INSERT INTO staff_column_mappings (actor, header_key, mapping, updated_at) VALUES (@actor, @key, @mapping, @now)
            ON CONFLICT (actor, header_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at
            """, transaction)
            .With("@actor", actor).With("@key", headerKey).With("@mapping", mapping).With("@now", Now());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The mapping <paramref name="actor"/> last issued with for this header, or null.</summary>
    /// <param name="actor">The staff member.</param>
    /// <param name="headerKey">The header's key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<string?> FindColumnMappingAsync(string actor, string headerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(headerKey);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT mapping FROM staff_column_mappings WHERE actor = @actor AND header_key = @key")
            .With("@actor", actor).With("@key", headerKey);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
