using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Catalog;
using MicroCredentials.Issuance;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// The foundation issue's figure: build one credential from the sample catalogue and learner list
/// (<see cref="CredentialFactory.Create"/>, then the OB 3.0 JSON) and sign it as a VC-JWT with the demo keys of
/// keys.example/, RS256 and ES256.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*FoundationBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class FoundationBenchmarks
{
    private IssuerKeySet keys = null!;
    private CredentialFactory factory = null!;
    private MicroCredentialDefinition definition = null!;
    private LearnerRow learner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkFiles.RepositoryRoot();
        keys = BenchmarkFiles.DemoKeys();
        var catalog = CatalogLoader.Load(File.ReadAllText(Path.Combine(root, "samples", "catalog.json"))).Catalog!;
        learner = LearnerCsvReader.Read(File.ReadAllText(Path.Combine(root, "samples", "learners.csv")), "learners.csv", catalog, AwardDates.Today(TimeProvider.System)).Rows[0];
        definition = catalog.Find(learner.Code)!;
        factory = new CredentialFactory(TimeProvider.System, CredentialFactory.BuildIssuer(catalog.Issuer, keys.IssuerId),
            new Uri(BenchmarkFiles.BaseUrl));
    }

    /// <summary>Builds the unsigned credential only (no signature).</summary>
    [Benchmark]
    public JsonObject Build() => CredentialJson.ToJsonObject(factory.Create(definition, learner));

    [Benchmark]
    public string BuildAndSignRs256() => VcJwtSigner.Sign(Build(), keys.Rs256);

    [Benchmark]
    public string BuildAndSignEs256() => VcJwtSigner.Sign(Build(), keys.Es256);
}
