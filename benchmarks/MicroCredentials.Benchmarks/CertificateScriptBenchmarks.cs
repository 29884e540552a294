using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Model;
using MicroCredentials.Pdf;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// Render + seal of one certificate per learner-name script (issue 13 point 5: the Latin figure against the 15 ms target;
/// Chinese and Korean names drawn by a fallback face; Arabic and Hebrew names through bidi and HarfBuzz shaping right
/// to left, Thai and Devanagari names shaped left to right — all four drawn as glyph ids with /ActualText).
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*CertificateScriptBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class CertificateScriptBenchmarks
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Latin"] = "Łukasz Żółkiewski",
        ["Arabic"] = "محمد عبد الله",
        ["Hebrew"] = "דוד כהן",
        ["Chinese"] = "王小明",
        ["Korean"] = "김민준",
        ["Thai"] = "สมชาย ใจดี",
        ["Devanagari"] = "अनुष्का शर्मा",
    };

    private CertificateModel _model = null!;
    private X509Certificate2 _seal = null!;
    private readonly DateTimeOffset _signingTime = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The script of the learner's name.</summary>
    [Params("Latin", "Arabic", "Hebrew", "Chinese", "Korean", "Thai", "Devanagari")]
    public string Script { get; set; } = "Latin";

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkRoot();
        _seal = X509Certificate2.CreateFromPemFile(Path.Combine(root, "keys.example", "seal-cert.pem"), Path.Combine(root, "keys.example", "seal-key.pem"));
        _model = new CertificateModel
        {
            CredentialJson = CredentialJson.Serialize(Credential(Names[Script])),
            Language = CertificateLanguage.English,
            VerificationUrl = new Uri("https://credentials.nova-academy.be/v/q7Hk2mPx9LwZ4rTb8cVn3s"),
            CredentialHandle = "q7Hk2mPx9LwZ4rTb8cVn3s",
            ShortCode = "K7QD-M4XP",
            SignatoryName = "Prof. dr. Hilde Vermeulen",
            SignatoryTitle = "Director, Nova Academy for Lifelong Learning",
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _seal.Dispose();

    [Benchmark]
    public byte[] RenderAndSign() => new CertificateDocument(_model).GenerateSignedPdf(_seal, _signingTime);

    private static OpenBadgeCredential Credential(string name) => new()
    {
        Id = "urn:uuid:0192f1c4-7d3e-7a10-9c43-5d1b0c7f1a11",
        Name = "Micro-credential: Data Science for Healthcare (6 ECTS)",
        Issuer = new Profile { Id = "did:web:credentials.nova-academy.be", Name = "Nova Academy", Address = new Address { AddressLocality = "Gent", AddressCountry = "Belgium" } },
        ValidFrom = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        CredentialSubject = new AchievementSubject
        {
            Identifier = [new IdentityObject { IdentityType = Ob3Terms.IdentityTypeName, Hashed = false, IdentityHash = name }],
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
                    ["en"] = ["Clean, link and describe health data from electronic patient records with reproducible code.", "Apply privacy, ethics and the GDPR when using health data."],
                },
                EctsCredits = 6,
                EqfLevel = "http://data.europa.eu/snb/eqf/7",
            },
        },
    };

    private static string BenchmarkRoot()
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
