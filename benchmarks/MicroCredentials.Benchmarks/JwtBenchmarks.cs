using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using NSec.Cryptography;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// VC-JWT sign and verify of one micro-credential, ES256 and RS256 (RSA-2048).
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*JwtBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class JwtBenchmarks
{
    private const string IssuerId = "did:web:credentials.nova-academy.be";
    private IssuerKeySet keys = null!;
    private JsonObject credential = null!;
    private string es256Token = "";
    private string rs256Token = "";
    private readonly TimeProvider time = TimeProvider.System;

    [GlobalSetup]
    public void Setup()
    {
        keys = IssuerKeySet.FromKeys(IssuerId, Key.Create(SignatureAlgorithm.Ed25519),
            ECDsa.Create(ECCurve.NamedCurves.nistP256), RSA.Create(2048));
        credential = Credential();
        es256Token = VcJwtSigner.Sign(credential, keys.Es256);
        rs256Token = VcJwtSigner.Sign(credential, keys.Rs256);
    }

    [GlobalCleanup]
    public void Cleanup() => keys.Dispose();

    [Benchmark]
    public string SignEs256() => VcJwtSigner.Sign(credential, keys.Es256);

    [Benchmark]
    public string SignRs256() => VcJwtSigner.Sign(credential, keys.Rs256);

    [Benchmark]
    public bool VerifyEs256() => VcJwtVerifier.Verify(es256Token, keys.JwtKeyResolver, time).IsValid;

    [Benchmark]
    public bool VerifyRs256() => VcJwtVerifier.Verify(rs256Token, keys.JwtKeyResolver, time).IsValid;

    // A credential of the size we issue (issuer profile, achievement with alignment and Annex I fields).
    private static JsonObject Credential() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld"),
        ["id"] = "urn:uuid:2f6a8f3e-6c1e-4b0f-9c43-5d1b0c7f1a11",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["name"] = "Micro-credential: Data Literacy for Healthcare (4 ECTS)",
        ["issuer"] = new JsonObject
        {
            ["id"] = IssuerId, ["type"] = new JsonArray("Profile"), ["name"] = "Nova Academy", ["url"] = "https://www.nova-academy.be",
            ["address"] = new JsonObject { ["type"] = new JsonArray("Address"), ["addressCountry"] = "Belgium", ["addressCountryCode"] = "BE" },
        },
        ["validFrom"] = "2025-06-30T09:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject", ["identityType"] = "emailAddress", ["hashed"] = true,
                ["identityHash"] = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399", ["salt"] = "3f1c9a0e5b7d4c2a",
            }),
            ["creditsEarned"] = 4,
            ["achievement"] = new JsonObject
            {
                ["id"] = "https://credentials.nova-academy.be/achievements/dlh-2025",
                ["type"] = new JsonArray("Achievement"),
                ["achievementType"] = "MicroCredential",
                ["name"] = "Data Literacy for Healthcare",
                ["description"] = "Short accredited course (4 ECTS) on data handling and statistics for healthcare professionals.",
                ["criteria"] = new JsonObject { ["narrative"] = "Pass the final written exam (min. 10/20) and the project assignment." },
                ["creditsAvailable"] = 4,
                ["alignment"] = new JsonArray(new JsonObject
                {
                    ["type"] = new JsonArray("Alignment"), ["targetName"] = "EQF level 6",
                    ["targetUrl"] = "http://data.europa.eu/snb/eqf/6", ["targetFramework"] = "European Qualifications Framework",
                }),
            },
        },
    };
}
