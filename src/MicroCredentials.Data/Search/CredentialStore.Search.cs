using System.Data.Common;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// Finds credentials for the staff app: by learner name (every word, case and accents ignored, anywhere in the
    /// name), id, handle or short code, e-mail lookup hash or learner, filtered by micro-credential, issue date and state;
    /// newest first.
    /// </summary>
    /// <param name="search">The criteria; empty criteria match everything.</param>
    /// <param name="skip">Credentials to skip (≥ 0).</param>
    /// <param name="take">Credentials to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The page and the number of matching credentials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A paging argument is out of range.</exception>
    public async Task<CredentialSearchPage> SearchCredentialsAsync(CredentialSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.Sql(string.Empty);
        count.CommandText = "SELECT COUNT(*) FROM credentials " + SearchWhere(search, count);
        var total = await count.ScalarInt64Async(cancellationToken);
        if (total <= skip)
        {
            return new CredentialSearchPage([], total);
        }

        await using var page = connection.Sql(string.Empty);
        page.CommandText = $"SELECT {CredentialColumns} FROM credentials {SearchWhere(search, page)} ORDER BY issued_at DESC, id DESC LIMIT @take OFFSET @skip";
        page.With("@take", take).With("@skip", skip);
        return new CredentialSearchPage(await ReadCredentialsAsync(page, cancellationToken), total);
    }

    // Every value travels as a parameter; the SQL text is built only from this method's constants.
    private static string SearchWhere(CredentialSearch search, DbCommand command)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (search.Text?.Trim() is { Length: > 0 } text)
        {
            text = text.Length > CoreLimits.MaxSearchTextLength ? text[..CoreLimits.MaxSearchTextLength] : text;
            var words = LearnerNameKey.Words(text);
            var name = words.Count == 0
                ? "1 = 0"
                : string.Join(" AND ", words.Select((_, i) => $@"name_key LIKE @w{i} ESCAPE '\'"));
            for (var i = 0; i < words.Count; i++)
            {
                command.With($"@w{i}", "%" + EscapeLike(words[i]) + "%");
            }

            where.Append($" AND (({name}) OR id = @text OR id = @uuid OR handle = @text OR short_code = @code)");
            command.With("@text", text)
                .With("@uuid", Guid.TryParse(text, out var uuid) ? "urn:uuid:" + uuid.ToString("D") : null)
                .With("@code", CredentialHandles.NormalizeShortCode(text));
        }

        if (search.EmailHash is { } emailHash)
        {
            where.Append(" AND learner_id IN (SELECT id FROM learners WHERE email_hash = @email)");
            command.With("@email", emailHash);
        }

        if (search.LearnerId is { } learner)
        {
            where.Append(" AND learner_id = @learner");
            command.With("@learner", learner);
        }

        if (search.Code is { Length: > 0 } code)
        {
            // The achievement id is <base>/achievements/<code>/<version> (CredentialFactory.AchievementId): every version.
            where.Append(@" AND achievement_id LIKE @achievement ESCAPE '\'");
            command.With("@achievement", "%/achievements/" + EscapeLike(Uri.EscapeDataString(code)) + "/%");
        }

        if (search.IssuedFrom is { } from)
        {
            where.Append(" AND issued_at >= @from");
            command.With("@from", from.ToUniversalTime());
        }

        if (search.IssuedBefore is { } before)
        {
            where.Append(" AND issued_at < @before");
            command.With("@before", before.ToUniversalTime());
        }

        where.Append(search.State switch
        {
            CredentialState.Valid => " AND superseded_by IS NULL AND revoked_at IS NULL AND suspended = false",
            CredentialState.Revoked => " AND superseded_by IS NULL AND revoked_at IS NOT NULL",
            CredentialState.Suspended => " AND superseded_by IS NULL AND revoked_at IS NULL AND suspended = true",
            CredentialState.Superseded => " AND superseded_by IS NOT NULL",
            _ => string.Empty,
        });
        return where.ToString();
    }

    /// <summary>Text for a <c>LIKE … ESCAPE '\'</c> pattern: its <c>\</c>, <c>%</c> and <c>_</c> match only themselves.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
