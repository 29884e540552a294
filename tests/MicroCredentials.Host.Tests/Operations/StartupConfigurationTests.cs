using System.Security.Cryptography;
using System.Text.Json;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// The real host process started with one wrong setting stops at once with exit code 2 and one line naming the setting,
/// the problem and the fix — never a stack trace. With <c>Logging:Format=json</c> every line it logs is a JSON object.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StartupConfigurationTests
{
    private string folder = string.Empty;

    private Dictionary<string, string> Environment => new() { ["MICROCRED_DATA"] = Path.Combine(folder, "data") };

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("microcred-startup-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed host may still hold its database for a moment; the temp folder is cleaned by the OS.
        }
    }

    [TestCase("wrong-seal-password", "Issuer:SealPassword: does not open", TestName = "Start_WrongSealPassword_StopsNamingIssuerSealPassword")]
    [TestCase("invalid-catalogue", "Issuer:CatalogPath: the catalogue", TestName = "Start_InvalidCatalogue_StopsNamingIssuerCatalogPath")]
    [TestCase("missing-catalogue", "the catalogue file does not exist", TestName = "Start_MissingCatalogue_StopsNamingIssuerCatalogPath")]
    [TestCase("postgres-down", "Issuer:ConnectionString: PostgreSQL at 127.0.0.1:", TestName = "Start_PostgresUnreachable_StopsNamingIssuerConnectionString")]
    [TestCase("http-in-production", "Issuer:PublicBaseUrl: 'http://credentials.example.edu/' is not https", TestName = "Start_HttpBaseUrlInProduction_StopsNamingIssuerPublicBaseUrl")]
    [TestCase("unknown-provider", "Issuer:StorageProvider: 'Mongo' is not a storage provider.", TestName = "Start_UnknownStorageProvider_StopsNamingIt")]
    [TestCase("missing-key-file", "Issuer:KeysPath: Key file", TestName = "Start_MissingKeyFile_StopsNamingIssuerKeysPath")]
    [TestCase("bad-telemetry-endpoint", "Telemetry:Otlp:Endpoint: 'collector:4317' is not an absolute http(s) address.", TestName = "Start_BadTelemetryEndpoint_StopsNamingIt")]
    [TestCase("not-a-number", "Issuer:MaxUploadBytes: 'lots' is not a whole number.", TestName = "Start_ValueOfTheWrongType_StopsNamingIt")]
    [TestCase("unknown-log-format", "Logging:Format: 'xml' is not a log format.", TestName = "Start_UnknownLogFormat_StopsNamingIt")]
    public async Task Start_BadSetting_ExitsTwoWithTheNamedMessageAndItsFix(string setting, string expected)
    {
        var (exit, output) = await HostProcess.RunToFailureAsync(RepositoryPaths.Root, Environment, ["--Issuer:PublicBaseUrl=https://credentials.example.edu", .. Arguments(setting)]);

        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("The configuration has 1 problem; nothing was started:"));
        var line = output.Split('\n').Single(l => l.Contains(" Fix: ", StringComparison.Ordinal));
        Assert.That(line, Does.Contain(expected));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Start_JsonLogFormat_EveryLineIsAJsonObject()
    {
        await using (var host = await HostProcess.StartAsync(RepositoryPaths.Root, Environment, publicBaseUrl: "listen", "--Logging:Format=json"))
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            Assert.That((await http.GetAsync("/healthz/ready")).IsSuccessStatusCode, Is.True);
            var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Is.Not.Empty);
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                Assert.That(json.RootElement.TryGetProperty("LogLevel", out _) && json.RootElement.TryGetProperty("Message", out _), Is.True, line);
            }

            Assert.That(lines.Any(l => l.Contains("\"Category\":\"MicroCredentials\"", StringComparison.Ordinal)), Is.True, host.Output);
        }
    }

    private string[] Arguments(string setting)
    {
        switch (setting)
        {
            case "wrong-seal-password":
                return ["--Issuer:SealPassword=not-the-password"];
            case "invalid-catalogue":
                var invalid = Path.Combine(folder, "catalog.json");
                File.WriteAllText(invalid, "{ \"microCredentials\": 42 }");
                return [$"--Issuer:CatalogPath={invalid}"];
            case "missing-catalogue":
                return [$"--Issuer:CatalogPath={Path.Combine(folder, "no-such-catalog.json")}"];
            case "postgres-down":
                return ["--Issuer:StorageProvider=Postgres", $"--Issuer:ConnectionString=Host=127.0.0.1;Port={BuiltPrograms.FreePort()};Database=microcred;Username=issuer;Password=x",
                    $"--Issuer:DownloadLinkSecret={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}"];
            case "http-in-production":
                return ["--Issuer:PublicBaseUrl=http://credentials.example.edu"];
            case "unknown-provider":
                return ["--Issuer:StorageProvider=Mongo"];
            case "missing-key-file":
                var keys = Path.Combine(folder, "keys");
                Directory.CreateDirectory(keys);
                foreach (var file in Directory.GetFiles(RepositoryPaths.File("keys.example")).Where(f => Path.GetFileName(f) != "es256.pem"))
                {
                    File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
                }

                return [$"--Issuer:KeysPath={keys}"];
            case "bad-telemetry-endpoint":
                return ["--Telemetry:Otlp:Endpoint=collector:4317"];
            case "not-a-number":
                return ["--Issuer:MaxUploadBytes=lots"];
            case "unknown-log-format":
                return ["--Logging:Format=xml"];
            default:
                throw new ArgumentOutOfRangeException(nameof(setting), setting, null);
        }
    }
}
