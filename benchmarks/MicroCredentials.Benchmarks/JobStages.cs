using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.Baking;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Issuance;
using MicroCredentials.Jwt;
using MicroCredentials.Model;
using MicroCredentials.Pdf;
using MicroCredentials.Status;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// The per-stage CPU cost of a batch job (issue #14): each stage of one row — build the credential, sign Data Integrity,
/// sign the VC-JWT, serialise, bake the badge PNG, render the PDF, seal it — run alone on one thread over the rows of a
/// generated learners CSV, then the whole job (store the CSV, claim → sign → commit) on one signing thread into a fresh
/// SQLite file (or PostgreSQL, MICROCRED_BENCH_POSTGRES), so its database share is the job's cost less the signing stages.
/// CPU time of the process (user + system, GC threads included) per row; wall time is printed too but means nothing on a
/// loaded machine.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- stages [rows, default 2000] [pdf rows, default 100]
/// </summary>
internal static class JobStages
{
    public static async Task RunAsync(int rows, int pdfRows)
    {
        var root = BenchmarkFiles.RepositoryRoot();
        var keys = BenchmarkFiles.DemoKeys();
        var time = TimeProvider.System;
        var catalog = CatalogLoader.Load(await File.ReadAllTextAsync(Path.Combine(root, "samples", "catalog.json"))).Catalog!;
        var csvPath = Path.Combine(Path.GetTempPath(), $"microcred-stages-{Environment.ProcessId}.csv");
        LearnerCsvGenerator.Write(rows, csvPath);
        var learners = LearnerCsvReader.Read(await File.ReadAllTextAsync(csvPath), "learners.csv", catalog, AwardDates.Today(time)).Rows;
        var factory = new CredentialFactory(time, CredentialFactory.BuildIssuer(catalog.Issuer, keys.IssuerId), new Uri(BenchmarkFiles.BaseUrl));
        var signing = keys.SigningAt(time.GetUtcNow());
        var statuses = StatusEntryFactory.ForProfile(42, new Uri(BenchmarkFiles.BaseUrl + "/status/1").ToString(), null);

        Console.WriteLine($"| Stage ({rows:N0} rows, one thread) | CPU ms/row | wall ms/row |");
        Console.WriteLine("|---|---:|---:|");
        var credentials = new OpenBadgeCredential[learners.Count];
        var unsigned = new JsonObject[learners.Count];
        var signed = new JsonObject[learners.Count];
        var json = new string[learners.Count];
        Measure("build (model + JSON object)", learners.Count, i =>
        {
            credentials[i] = factory.Create(catalog.Find(learners[i].Code)!, learners[i], statuses, CredentialFactory.NewCredentialId());
            unsigned[i] = CredentialJson.ToJsonObject(credentials[i]);
        });
        Measure("sign Data Integrity (eddsa-rdfc-2022)", learners.Count, i =>
            signed[i] = DataIntegritySigner.Sign(unsigned[i], signing.Ed25519Key, signing.VerificationMethodId, credentials[i].ValidFrom));
        Measure("sign VC-JWT RS256", learners.Count, i => VcJwtSigner.Sign(signed[i], signing.GetJwtSigningKey(JwtClaims.RS256)));
        Measure("sign VC-JWT ES256", learners.Count, i => VcJwtSigner.Sign(signed[i], signing.GetJwtSigningKey(JwtClaims.ES256)));
        Measure("serialise the signed JSON", learners.Count, i => json[i] = signed[i].ToJsonString(CredentialJson.Options));
        var badge = DefaultBadge.Png();
        Measure("bake the badge PNG", learners.Count, i => PngBaker.Bake(badge, json[i]));

        using var seal = X509Certificate2.CreateFromPemFile(Path.Combine(root, "keys.example", "seal-cert.pem"), Path.Combine(root, "keys.example", "seal-key.pem"));
        var pdfCount = Math.Min(pdfRows, learners.Count);
        var models = Enumerable.Range(0, pdfCount).Select(i => new CertificateModel
        {
            CredentialJson = json[i],
            Language = CertificateLanguage.English,
            VerificationUrl = new Uri(BenchmarkFiles.BaseUrl + "/v/q7Hk2mPx9LwZ4rTb8cVn3s"),
            CredentialHandle = "q7Hk2mPx9LwZ4rTb8cVn3s",
            ShortCode = "K7QD-M4XP",
            SignatoryName = "Prof. dr. Hilde Vermeulen",
            SignatoryTitle = "Director, Nova Academy for Lifelong Learning",
        }).ToArray();
        if (pdfCount > 0)
        {
            Measure("render the PDF", pdfCount, i => new CertificateDocument(models[i]).GeneratePdf());
            Measure("render + seal the PDF", pdfCount, i => new CertificateDocument(models[i]).GenerateSignedPdf(seal, time.GetUtcNow()));
        }

        await MeasureJobAsync(catalog, keys, csvPath, rows);
        File.Delete(csvPath);
    }

    private static async Task MeasureJobAsync(MicroCredentialCatalog catalog, MicroCredentials.Keys.IssuerKeySet keys, string csvPath, int rows)
    {
        var folder = Directory.CreateTempSubdirectory("microcred-stages-");
        var postgres = Environment.GetEnvironmentVariable("MICROCRED_BENCH_POSTGRES");
        var options = string.IsNullOrEmpty(postgres)
            ? new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "stages.db")}" }
            : new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgres };
        try
        {
            await using var store = await CredentialStore.OpenAsync(options, TimeProvider.System, CancellationToken.None);
            var issuance = new IssuanceService(store, keys, TimeProvider.System, new IssuanceOptions { PublicBaseUrl = new Uri(BenchmarkFiles.BaseUrl) }, new byte[32]);
            var (cpu0, wall) = Start();
            string jobId;
            using (var text = new StreamReader(csvPath))
            {
                jobId = await store.CreateBatchJobAsync(LearnerCsvReader.ReadChunksAsync(text, "learners.csv", catalog, AwardDates.Today(TimeProvider.System),
                    BatchJobOptions.StoreChunkRows, CancellationToken.None), "benchmark", "learners.csv", CancellationToken.None);
            }

            Report($"store the CSV as a job ({options.Provider})", rows, cpu0, wall);
            (cpu0, wall) = Start();
            var done = await new BatchJobRunner(issuance, new BatchJobOptions { Workers = 1 }).RunAsync(jobId, catalog, null, CancellationToken.None);
            Report($"run the job, one signing thread ({options.Provider}; issued {done!.Issued:N0})", rows, cpu0, wall);
            (cpu0, wall) = Start();
            var revoked = await store.RevokeBatchJobAsync(jobId, "benchmark", "benchmark", CancellationToken.None);
            Report($"revoke the job ({revoked.Done!.Revoked:N0})", rows, cpu0, wall);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Measure(string name, int count, Action<int> run)
    {
        for (var i = 0; i < Math.Min(count, 20); i++)
        {
            run(i); // warm-up (tiered JIT)
        }

        var (cpu0, wall) = Start();
        for (var i = 0; i < count; i++)
        {
            run(i);
        }

        Report(name, count, cpu0, wall);
    }

    private static (TimeSpan Cpu, Stopwatch Wall) Start()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, Stopwatch.StartNew());
    }

    private static void Report(string name, int count, TimeSpan cpu0, Stopwatch wall)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu:F3} | {wall.Elapsed.TotalMilliseconds / count:F3} |"));
    }
}
