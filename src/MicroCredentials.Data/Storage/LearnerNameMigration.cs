using System.Data.Common;
using MicroCredentials.Catalog;

namespace MicroCredentials.Data.Storage;

/// <summary>
/// Migration 14: every credential keeps the learner's name as issued (<c>learner_name</c>) and its search form
/// (<c>name_key</c>, <see cref="LearnerNameKey"/>), so staff find a learner by name without reading every credential's
/// JSON. The learners table keeps only the latest name, while a corrected credential and the one it superseded carry
/// different names: the name belongs on the credential. Existing credentials are back-filled from their stored JSON.
/// </summary>
internal static class LearnerNameMigration
{
    /// <summary>Credentials read per round of the back-fill (keyset pages, so memory stays flat on a large table).</summary>
    private const int BackfillBatch = 500;

    /// <summary>The SQL of the step (the same in both dialects).</summary>
    public const string Sql = """
        ALTER TABLE credentials ADD COLUMN learner_name TEXT;
        ALTER TABLE credentials ADD COLUMN name_key TEXT;
        """;

    /// <summary>Fills both columns of every existing credential from the name in its credential JSON.</summary>
    public static async Task BackfillAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var last = string.Empty;
        while (true)
        {
            var page = new List<(string Id, string Json)>(BackfillBatch);
            await using (var read = connection.Sql("SELECT id, credential_json FROM credentials WHERE id > @last ORDER BY id LIMIT @take", transaction)
                .With("@last", last).With("@take", BackfillBatch))
            {
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (id, json) in page)
            {
                if (LearnerNames.FromCredentialJson(json) is not { } name)
                {
                    continue;
                }

                await using var write = connection.Sql("UPDATE credentials SET learner_name = @name, name_key = @key WHERE id = @id", transaction)
                    .With("@name", name).With("@key", LearnerNameKey.Of(name)).With("@id", id);
                await write.ExecuteNonQueryAsync(cancellationToken);
            }

            if (page.Count < BackfillBatch)
            {
                return;
            }

            last = page[^1].Id;
        }
    }
}
