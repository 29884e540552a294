using System.Diagnostics;
using System.Globalization;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// CPU time per operation (user + system time of this process over a bounded loop, after a warm-up), for a machine
/// too loaded for wall-clock figures to mean much: the JavaScript references report the same measure
/// (<c>process.cpuUsage</c>). Single-threaded loops; the GC's own threads are included, so this errs high.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- cpu [seconds per operation]
/// </summary>
internal static class CpuTime
{
    public static void Run(double secondsEach, string? filter = null, double warmUpSeconds = 1)
    {
        var foundation = new FoundationBenchmarks();
        foundation.Setup();
        var di = new DataIntegrityBenchmarks();
        di.Setup();
        var jsonLd = new JsonLdBenchmarks();
        jsonLd.Setup();
        var verifier = new VerifierBenchmarks();
        verifier.Setup();
        var pdf = new PdfBenchmarks();
        pdf.Setup();
        var status = new StatusListBenchmarks();
        status.Setup();
        var schema = new SchemaBenchmarks();
        schema.Setup();
        var scripts = new[] { "Latin", "Arabic", "Chinese", "Devanagari" }.Select(script =>
        {
            var benchmark = new CertificateScriptBenchmarks { Script = script };
            benchmark.Setup();
            return (Name: $"PDF certificate: render + seal, {script} name", Run: (Action)(() => benchmark.RenderAndSign()));
        });
        (string Name, Action Run)[] operations =
        [
            ("Foundation: build credential + VC-JWT RS256", () => foundation.BuildAndSignRs256()),
            ("Foundation: build credential + VC-JWT ES256", () => foundation.BuildAndSignEs256()),
            ("eddsa-rdfc-2022: canonicalize + sign", () => di.CanonicalizeAndSign()),
            ("eddsa-rdfc-2022: verify (proof only)", () => di.Verify()),
            ("RDFC-1.0 alone", () => di.Rdfc10Only()),
            ("JSON-LD toRdf (safe mode)", () => jsonLd.ToRdf()),
            ("CredentialVerifier: VC-JWT RS256", () => verifier.VerifyJwtRs256().GetAwaiter().GetResult()),
            ("CredentialVerifier: VC-JWT ES256", () => verifier.VerifyJwtEs256().GetAwaiter().GetResult()),
            ("CredentialVerifier: Data Integrity JSON", () => verifier.VerifyJson().GetAwaiter().GetResult()),
            ("CredentialVerifier parts: VC-JWT RS256 signature + claims only", () => verifier.JwtOnlyRs256()),
            ("CredentialVerifier parts: VC-JWT ES256 signature + claims only", () => verifier.JwtOnlyEs256()),
            ("CredentialVerifier parts: schema step (both schemas, two status entries)", () => verifier.SchemaStep()),
            ("Schema step: OB 3.0 JSON Schema", () => schema.Ob3()),
            ("Schema step: EU extension schema", () => schema.Extension()),
            ("PDF certificate: render + seal", () => pdf.RenderAndSign()),
            ("Status list: encode + build + sign (131,072)", () => status.EncodeAndSign()),
            .. scripts,
        ];
        Console.WriteLine("| Operation | CPU ms/op | ops/s per core | wall ms/op | n |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var selected = operations.Where(o => filter is null || o.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();

        // Warm every selected operation up (a second by default, at least 5 runs) before counting any, so tiered JIT
        // has promoted the shared hot paths and the first row is not charged for them. A short warm-up leaves the
        // background re-JIT (tier 1 with PGO) running during the count, and its threads' CPU is charged to the row:
        // give a long one (e.g. 30 s) for the steady state of a host that has run for a while.
        foreach (var (_, run) in selected)
        {
            var warmUp = Stopwatch.StartNew();
            for (var i = 0; i < 5 || warmUp.Elapsed < TimeSpan.FromSeconds(warmUpSeconds); i++)
            {
                run();
            }
        }

        foreach (var (name, run) in selected)
        {
            run();

            using var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var n = 0;
            while (n < 10_000 && (process.TotalProcessorTime - cpu0).TotalSeconds < secondsEach)
            {
                run();
                n++;
                process.Refresh();
            }

            var cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds / n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {cpuMs:F3} | {1000 / cpuMs:F0} | {wall.Elapsed.TotalMilliseconds / n:F3} | {n} |"));
        }
    }
}
