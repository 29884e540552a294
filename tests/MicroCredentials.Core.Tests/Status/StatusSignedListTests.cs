using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// Status lists signed with our Data Integrity suite (eddsa-rdfc-2022): checked by @digitalbazaar/vc-bitstring-status-list
/// <c>checkStatus</c> (proof, purpose, issuer, bit) and by our <see cref="StatusChecker"/> with the real DI verifier.
/// </summary>
[NonParallelizable]
public sealed class StatusSignedListTests
{
    private const string Issuer = "did:web:credentials.example.edu";
    private const int RevokedIndex = 48_211;
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [OneTimeSetUp]
    public Task InstallAsync() => NodeInterop.EnsureInstalledAsync("@digitalbazaar/vc-bitstring-status-list");

    private static Key SigningKey() => Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData("status list test key"u8),
        KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    private static byte[] PublicKey()
    {
        using var key = SigningKey();
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    private static string VerificationMethod => $"{Issuer}#{Multikey.EncodeEd25519PublicKey(PublicKey())}";

    private static JsonObject SignedList(string listUrl, string purpose, params int[] set)
    {
        var list = new Bitstring();
        foreach (var index in set)
        {
            list.Set(index, true);
        }

        using var key = SigningKey();
        return DataIntegritySigner.Sign(StatusListCredentialBuilder.Build(listUrl, Issuer, purpose, list, Created, TimeSpan.FromDays(1)),
            key, VerificationMethod, Created);
    }

    private static JsonObject Credential(string revocationUrl, string suspensionUrl) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["id"] = "urn:uuid:0b6f4f52-5a6e-4c59-9d2a-7e3c1c0f1a11",
        ["type"] = new JsonArray("VerifiableCredential"),
        ["issuer"] = Issuer,
        ["validFrom"] = "2026-11-28T09:00:00Z",
        ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        ["credentialStatus"] = new JsonArray(
            StatusListFixtures.Entry(revocationUrl, StatusPurpose.Revocation, RevokedIndex),
            StatusListFixtures.Entry(suspensionUrl, StatusPurpose.Suspension, RevokedIndex)),
    };

    private static async Task<JsonNode> ReferenceCheckAsync(JsonObject credential, params JsonObject[] lists)
    {
        var input = new JsonObject
        {
            ["credential"] = credential.DeepClone(),
            ["lists"] = new JsonArray([.. lists.Select(l => l.DeepClone())]),
            ["publicKeyMultibase"] = Multikey.EncodeEd25519PublicKey(PublicKey()),
            ["verificationMethod"] = VerificationMethod,
        };
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"status-check-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        try
        {
            var (exit, output, error) = await NodeInterop.NodeAsync("status-check.mjs", file);
            Assert.That(exit, Is.Zero, error);
            return JsonNode.Parse(output)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task CheckStatus_OurSignedLists_ReferenceVerifiesAndReadsTheBits()
    {
        const string revocationUrl = "https://credentials.example.edu/status/r1";
        const string suspensionUrl = "https://credentials.example.edu/status/s1";

        var result = await ReferenceCheckAsync(Credential(revocationUrl, suspensionUrl),
            SignedList(revocationUrl, StatusPurpose.Revocation, 7, RevokedIndex), SignedList(suspensionUrl, StatusPurpose.Suspension, 7));

        Assert.That((bool)result["verified"]!, Is.True, result.ToJsonString());
        var statuses = result["results"]!.AsArray().ToDictionary(r => (string)r!["statusPurpose"]!, r => (bool)r!["status"]!);
        Assert.That(statuses, Is.EquivalentTo(new Dictionary<string, bool> { ["revocation"] = true, ["suspension"] = false }));
    }

    [Test]
    public async Task CheckStatus_ListBitsChangedAfterSigning_ReferenceRejectsTheProof()
    {
        const string revocationUrl = "https://credentials.example.edu/status/r1";
        const string suspensionUrl = "https://credentials.example.edu/status/s1";
        var tampered = SignedList(revocationUrl, StatusPurpose.Revocation, RevokedIndex);
        tampered["credentialSubject"]!["encodedList"] = new Bitstring().Encode();

        var result = await ReferenceCheckAsync(Credential(revocationUrl, suspensionUrl),
            tampered, SignedList(suspensionUrl, StatusPurpose.Suspension));

        Assert.That((bool)result["verified"]!, Is.False);
        Assert.That((string?)result["error"], Does.Contain("not verified"));
    }

    [Test]
    public async Task CheckAsync_OurSignedListsWithDataIntegrityVerifier_RevokedAndNotSuspended()
    {
        var lists = new Dictionary<string, JsonObject>();
        await using var server = new LocalHttpServer(r => lists.TryGetValue(r.Path, out var list)
            ? ServedResponse.Json(list.ToJsonString(), ("Cache-Control", "max-age=86400"))
            : new ServedResponse(404, []));
        lists["/status/r1"] = SignedList(server.BaseUrl + "/status/r1", StatusPurpose.Revocation, RevokedIndex);
        lists["/status/s1"] = SignedList(server.BaseUrl + "/status/s1", StatusPurpose.Suspension);
        using var http = new HttpClient();
        var time = new FakeTimeProvider(Created.AddHours(1));
        var publicKey = PublicKey();
        var checker = new StatusChecker(new StatusListClient(http, time, new StatusListClientOptions { Fetching = MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting }),
            (document, _) => ValueTask.FromResult(DataIntegrityVerifier.Verify(document, m => m == VerificationMethod ? publicKey : null).IsValid),
            time);

        var results = await checker.CheckAsync(Credential(server.BaseUrl + "/status/r1", server.BaseUrl + "/status/s1"));

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { StatusCheckOutcome.Revoked, StatusCheckOutcome.Valid }));
    }

    [Test]
    public async Task CheckAsync_SignedListTampered_ProofInvalidWithDataIntegrityVerifier()
    {
        JsonObject? tampered = null;
        await using var server = new LocalHttpServer(r => ServedResponse.Json(tampered!.ToJsonString()));
        tampered = SignedList(server.BaseUrl + "/status/r1", StatusPurpose.Revocation, RevokedIndex);
        tampered["credentialSubject"]!["encodedList"] = new Bitstring().Encode();
        using var http = new HttpClient();
        var time = new FakeTimeProvider(Created.AddHours(1));
        var publicKey = PublicKey();
        var checker = new StatusChecker(new StatusListClient(http, time, new StatusListClientOptions { Fetching = MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting }),
            (document, _) => ValueTask.FromResult(DataIntegrityVerifier.Verify(document, m => m == VerificationMethod ? publicKey : null).IsValid),
            time);
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/r1", StatusPurpose.Revocation, RevokedIndex));

        var result = (await checker.CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.ProofInvalid));
    }

    [Test]
    public async Task DigitalBazaarVerifyCredential_OurRevokedCredential_ReportsRevocationBitSet()
    {
        const string revocationUrl = "https://credentials.example.edu/status/1";
        const string suspensionUrl = "https://credentials.example.edu/status/2";
        using var key = SigningKey();
        var signed = DataIntegritySigner.Sign(Credential(revocationUrl, suspensionUrl), key, VerificationMethod, Created);
        var input = new JsonObject
        {
            ["credential"] = signed,
            ["lists"] = new JsonArray(SignedList(revocationUrl, StatusPurpose.Revocation, RevokedIndex), SignedList(suspensionUrl, StatusPurpose.Suspension)),
            ["publicKeyMultibase"] = Multikey.EncodeEd25519PublicKey(PublicKey()),
            ["verificationMethod"] = VerificationMethod,
        };
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"status-vc-verify-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        try
        {
            var (exit, output, error) = await NodeInterop.NodeAsync("status-vc-verify.mjs", file);
            Assert.That(exit, Is.Zero, error);
            var result = JsonNode.Parse(output)!;
            Assert.That((string?)result["error"], Is.Null, output);
            Assert.That((bool?)result["statusVerified"], Is.True, output);
            Assert.That(result["results"]!.AsArray().Select(r => ((string)r!["statusPurpose"]!, (bool)r["status"]!)),
                Is.EquivalentTo(new[] { ("revocation", true), ("suspension", false) }), output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
