using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Baking;
using MicroCredentials.Model;
using MicroCredentials.Pdf;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// Certificate rendering and sealing (target: render + PDF-sign ≤ 15 ms per certificate per core), reading an
/// uploaded certificate back, and PNG baking.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*PdfBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private CertificateModel _model = null!;
    private X509Certificate2 _seal = null!;
    private byte[] _signed = null!;
    private byte[] _badge = null!;
    private readonly DateTimeOffset _signingTime = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _seal = X509Certificate2.CreateFromPemFile(Path.Combine(root, "keys.example", "seal-cert.pem"), Path.Combine(root, "keys.example", "seal-key.pem"));
        _model = new CertificateModel
        {
            CredentialJson = CredentialJson.Serialize(Credential()),
            Language = CertificateLanguage.English,
            VerificationUrl = new Uri("https://credentials.nova-academy.be/v/q7Hk2mPx9LwZ4rTb8cVn3s"),
            CredentialHandle = "q7Hk2mPx9LwZ4rTb8cVn3s",
            ShortCode = "K7QD-M4XP",
            SignatoryName = "Prof. dr. Hilde Vermeulen",
            SignatoryTitle = "Director, Nova Academy for Lifelong Learning",
        };
        _signed = RenderAndSign();
        _badge = DefaultBadge.Png();
    }

    [GlobalCleanup]
    public void Cleanup() => _seal.Dispose();

    [Benchmark]
    public byte[] Render() => new CertificateDocument(_model).GeneratePdf();

    [Benchmark]
    public byte[] RenderAndSign() => new CertificateDocument(_model).GenerateSignedPdf(_seal, _signingTime);

    [Benchmark]
    public CertificateReadResult Read() => CertificateReader.Read(_signed);

    [Benchmark]
    public byte[] BakePng() => PngBaker.Bake(_badge, _model.CredentialJson);

    private static OpenBadgeCredential Credential() => new()
    {
        Id = "urn:uuid:0192f1c4-7d3e-7a10-9c43-5d1b0c7f1a11",
        Name = "Micro-credential: Data Science for Healthcare (6 ECTS)",
        Issuer = new Profile { Id = "did:web:credentials.nova-academy.be", Name = "Nova Academy", Address = new Address { AddressLocality = "Gent", AddressCountry = "Belgium" } },
        ValidFrom = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        CredentialSubject = new AchievementSubject
        {
            Identifier = [new IdentityObject { IdentityType = Ob3Terms.IdentityTypeName, Hashed = false, IdentityHash = "Łukasz Żółkiewski" }],
            Result = [new Result { ResultDescription = "urn:final", Value = "16" }],
            Achievement = new Achievement
            {
                Id = "https://credentials.nova-academy.be/achievements/dsh-2026",
                Name = "Data Science for Healthcare",
                Description = "The holder can responsibly collect, analyse and interpret health data, and build and critically appraise simple predictive models in a clinical context.",
                Criteria = new Criteria { Narrative = "Pass the written exam and the project." },
                ResultDescription = [new ResultDescription { Id = "urn:final", Name = "Final mark", ResultType = "ScaledScore", ValueMax = "20" }],
                LearningOutcome = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["en"] =
                    [
                        "Clean, link and describe health data from electronic patient records with reproducible code.",
                        "Choose and apply suitable statistical methods to clinical questions, and report the results correctly.",
                        "Build and validate simple predictive models and explain their limits to clinicians.",
                        "Apply privacy, ethics and the GDPR when using health data.",
                    ],
                },
                EctsCredits = 6,
                NotionalWorkload = "PT150H",
                EqfLevel = "http://data.europa.eu/snb/eqf/7",
                AssessmentType = new Dictionary<string, string> { ["en"] = "Written exam (60%) and individual project (40%)" },
                ParticipationMode = new Dictionary<string, string> { ["en"] = "Blended: online and on campus in Ghent" },
                QualityAssurance = new Dictionary<string, string> { ["en"] = "Accredited by NVAO" },
            },
        },
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MicroCredentials.sln not found above the benchmark's directory.");
    }
}
