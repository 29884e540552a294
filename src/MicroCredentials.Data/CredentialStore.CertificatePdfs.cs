using System.Security.Cryptography;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>The stored certificate PDF of a credential in one language, or null when none is stored yet.</summary>
    /// <param name="credentialId">The credential's id.</param>
    /// <param name="language">The language key (<c>nl</c>, <c>en</c>, <c>fr</c>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The PDF bytes as first stored, or <see langword="null"/>.</returns>
    public async Task<byte[]?> FindCertificatePdfAsync(string credentialId, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT pdf FROM certificate_pdfs WHERE credential_id = @id AND language = @lang")
            .With("@id", credentialId)
            .With("@lang", language);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    /// <summary>
    /// Stores the certificate PDF of a credential in one language unless one is stored already, and returns the one
    /// that is stored: when two first downloads race, both get the winner's bytes. A stored PDF is never replaced.
    /// </summary>
    /// <param name="credentialId">The credential's id (must exist).</param>
    /// <param name="language">The language key.</param>
    /// <param name="pdf">The rendered, sealed PDF.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored PDF bytes.</returns>
    public async Task<byte[]> StoreCertificatePdfAsync(string credentialId, string language, byte[] pdf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(pdf);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            await using var insert = connection.Sql(
                """
                INSERT INTO certificate_pdfs (credential_id, language, pdf, sha256, created_at) VALUES (@id, @lang, @pdf, @sha, @now)
                ON CONFLICT DO NOTHING
                """, transaction)
                .With("@id", credentialId)
                .With("@lang", language)
                .With("@pdf", pdf)
                .With("@sha", Convert.ToHexStringLower(SHA256.HashData(pdf)))
                .With("@now", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await FindCertificatePdfAsync(credentialId, language, cancellationToken)
            ?? throw new InvalidOperationException("The certificate PDF was stored but cannot be read back.");
    }
}
