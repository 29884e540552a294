using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Npgsql;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// The README's PostgreSQL procedure, run: <c>pg_dump --format=custom</c> of a host's database, <c>pg_restore</c> into a
/// fresh one, a host on the restored database (same <c>Issuer:DownloadLinkSecret</c>) serves every page and download link.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PostgresDumpRestoreTests
{
    [Test]
    public async Task PgDumpPgRestore_IntoFreshDatabase_RestoredHostServesPagesAndDownloadLinks()
    {
        var server = await PostgresTestServer.GetConnectionStringAsync();
        var source = "mc_dump_" + Guid.NewGuid().ToString("N");
        var target = "mc_restore_" + Guid.NewGuid().ToString("N");
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var dump = Path.Combine(Directory.CreateTempSubdirectory("microcred-pgdump-").FullName, "microcredentials.dump");
        await AdminAsync(server, $"CREATE DATABASE {source}");
        await AdminAsync(server, $"CREATE DATABASE {target}");
        try
        {
            var issued = new List<(string Handle, string Download)>();
            await using (var live = await HostFactory.CreateAsync("Postgres", extra: Settings(server, source, secret)))
            {
                using var client = live.Client();
                var key = await live.CreateApiKeyAsync(ApiKeyRole.Issuer);
                for (var i = 0; i < 3; i++)
                {
                    issued.Add(await IssueAsync(client, key));
                }

                // The dump runs while the host is up: pg_dump reads one consistent snapshot.
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", dump, "--dbname", Libpq(server, source)]);
                await live.DisposeAndAssertNo5xxAsync();
            }

            await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", Libpq(server, target), dump]);

            await using var restored = await HostFactory.CreateAsync("Postgres", extra: Settings(server, target, secret));
            using var restoredClient = restored.Client();
            foreach (var (handle, download) in issued)
            {
                var page = await restoredClient.GetStringAsync($"/v/{handle}?lang=en");
                Assert.That(page, Does.Contain("data-verdict=\"Valid\""), handle);
                using var json = await restoredClient.GetAsync($"{download}/credential.json");
                Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            await restored.DisposeAndAssertNo5xxAsync();
        }
        finally
        {
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {source} WITH (FORCE)");
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {target} WITH (FORCE)");
            Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string server, string database, string secret) => new()
    {
        ["Issuer:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        ["Issuer:DownloadLinkSecret"] = secret,
    };

    private static string Libpq(string server, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={database}";
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
            .OrderDescending(StringComparer.Ordinal).FirstOrDefault() ?? throw new InvalidOperationException(RequiredTools.NotInstalled(tool));
        var (code, output, error) = await RequiredTools.RunAsync(bin, Path.GetTempPath(), arguments, TimeSpan.FromMinutes(3));
        Assert.That(code, Is.Zero, $"{tool}: {output}{error}");
    }

    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string Handle, string Download)> IssueAsync(HttpClient client, string apiKey)
    {
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = "Dump Test", code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var json = JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        return (verification[(verification.LastIndexOf('/') + 1)..], new Uri((string)json["downloadUrl"]!).AbsolutePath);
    }
}
