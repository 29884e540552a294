using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

/// <summary>The demo key set and a sample credential, shared by the key and JWT tests.</summary>
internal static class TestKeys
{
    public const string IssuerId = "did:web:credentials.nova-academy.be";

    private static readonly Lazy<IssuerKeySet> LazyDemo = new(() => LoadDemo());

    /// <summary>The demo keys of keys.example, loaded once (read-only use).</summary>
    public static IssuerKeySet Demo => LazyDemo.Value;

    public static string DemoDirectory => Path.Combine(RepositoryPaths.Root, "keys.example");

    public static IssuerKeySet LoadDemo(string issuerId = IssuerId) =>
        IssuerKeySet.Load(new IssuerKeyOptions(), issuerId, RepositoryPaths.Root);

    /// <summary>A minimal OB 3.0 credential of <see cref="IssuerId"/>, valid from 2025-06-30T09:00:00Z.</summary>
    public static JsonObject Credential(string? subjectId = "did:example:learner", string? validUntil = null, string issuerId = IssuerId)
    {
        var subject = new JsonObject
        {
            ["type"] = new JsonArray("AchievementSubject"),
            ["achievement"] = new JsonObject
            {
                ["id"] = "https://credentials.nova-academy.be/achievements/dlh-2025",
                ["type"] = new JsonArray("Achievement"),
                ["name"] = "Data Literacy for Healthcare — é ü",
                ["description"] = "Short accredited course (4 ECTS).",
                ["criteria"] = new JsonObject { ["narrative"] = "Pass the exam." },
            },
            ["creditsEarned"] = 4,
        };
        if (subjectId is not null)
        {
            subject["id"] = subjectId;
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:2f6a8f3e-6c1e-4b0f-9c43-5d1b0c7f1a11",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = issuerId, ["type"] = new JsonArray("Profile"), ["name"] = "Nova Academy" },
            ["validFrom"] = "2025-06-30T09:00:00Z",
            ["name"] = "Micro-credential: Data Literacy for Healthcare",
            ["credentialSubject"] = subject,
        };
        if (validUntil is not null)
        {
            credential["validUntil"] = validUntil;
        }

        return credential;
    }
}
