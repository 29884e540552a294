using System.Data.Common;
using MicroCredentials.Data.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MicroCredentials.Data.Tests.Search;

public sealed partial class CredentialSearchTests
{
    [Test]
    public async Task Migration14_Backfill_FillsNamesOfCredentialsStoredBeforeIt()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using (var clear = connection.CreateCommand())
        {
            // As the rows stood before migration 14: no name columns filled.
            clear.CommandText = "UPDATE credentials SET learner_name = NULL, name_key = NULL";
            Assert.That(await clear.ExecuteNonQueryAsync(), Is.EqualTo(6));
        }

        Assert.That((await Store.SearchCredentialsAsync(new CredentialSearch { Text = "zoe" }, 0, 25, None)).Total, Is.Zero, "the names are gone");
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await LearnerNameMigration.BackfillAsync(connection, transaction, None);
            await transaction.CommitAsync();
        }

        var page = await Store.SearchCredentialsAsync(new CredentialSearch { Text = "zoe muller" }, 0, 25, None);
        Assert.That(page.Credentials.Select(c => c.LearnerName), Is.EqualTo(new[] { "Zoë Müller-Brontë" }));
        var all = await Store.SearchCredentialsAsync(new CredentialSearch(), 0, 25, None);
        Assert.That(all.Credentials.Select(c => c.LearnerName), Is.EquivalentTo(issued.Select(r => r.LearnerName)));
    }

    [Test]
    public async Task Migration14_Backfill_CredentialWithoutAName_LeftEmptyAndTheRestFilled()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using (var clear = connection.CreateCommand())
        {
            clear.CommandText = "UPDATE credentials SET learner_name = NULL, name_key = NULL";
            await clear.ExecuteNonQueryAsync();
        }

        await using (var mangle = connection.CreateCommand())
        {
            // A stored credential whose JSON names no learner (a foreign or damaged row) must not stop the back-fill.
            mangle.CommandText = "UPDATE credentials SET credential_json = '{}' WHERE id = @id";
            var parameter = mangle.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = issued[0].Credential!.Id;
            mangle.Parameters.Add(parameter);
            Assert.That(await mangle.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await LearnerNameMigration.BackfillAsync(connection, transaction, None);
            await transaction.CommitAsync();
        }

        var all = await Store.SearchCredentialsAsync(new CredentialSearch(), 0, 25, None);
        Assert.That(all.Credentials.Count(c => c.LearnerName is null), Is.EqualTo(1));
        Assert.That(all.Credentials.Single(c => c.LearnerName is null).Id, Is.EqualTo(issued[0].Credential!.Id));
    }

    private DbConnection Connect() => provider == StorageProvider.Sqlite
        ? new SqliteConnection(database!.ConnectionString)
        : new NpgsqlConnection(database!.ConnectionString);
}
