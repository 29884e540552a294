using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// Status list credentials for client and checker tests, "signed" with a stand-in proof until the Data Integrity suite
/// lands: <c>proof.proofValue</c> = base64 SHA-256 of the document without its proof. Tampering breaks it, like a real one.
/// </summary>
internal static class StatusListFixtures
{
    public const string Issuer = "did:web:credentials.example.edu";

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static JsonObject SignedList(string listUrl, string purpose, Bitstring list, TimeSpan ttl, string issuer = Issuer,
        DateTimeOffset? validUntil = null)
    {
        var credential = StatusListCredentialBuilder.Build(listUrl, issuer, purpose, list, Start.AddDays(-1), ttl, validUntil);
        credential["proof"] = new JsonObject { ["type"] = "TestDigestProof", ["proofValue"] = Digest(credential) };
        return credential;
    }

    /// <summary>The stand-in proof verifier handed to <see cref="StatusChecker"/>.</summary>
    public static ValueTask<bool> VerifyDigestProof(JsonObject credential, CancellationToken cancellationToken)
    {
        if (credential["proof"]?["proofValue"]?.GetValue<string>() is not { } value)
        {
            return ValueTask.FromResult(false);
        }

        credential.Remove("proof");
        return ValueTask.FromResult(value == Digest(credential));
    }

    public static JsonObject CredentialWithStatus(params JsonNode[] entries) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = new JsonObject { ["id"] = Issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Academy" },
        ["credentialStatus"] = entries.Length == 1 ? entries[0] : new JsonArray(entries),
    };

    public static JsonObject Entry(string listUrl, string purpose, int index) =>
        (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(StatusEntryFactory.Create(listUrl, purpose, index), Model.CredentialJson.Options)!;

    private static string Digest(JsonObject credential) =>
        Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(credential.ToJsonString())));
}
