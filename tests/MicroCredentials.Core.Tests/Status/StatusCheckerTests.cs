using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusCheckerTests
{
    private FakeTimeProvider time = null!;
    private HttpClient http = null!;
    private readonly Dictionary<string, Func<ServedResponse>> lists = [];

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(StatusListFixtures.Start);
        http = new HttpClient();
        lists.Clear();
    }

    [TearDown]
    public void TearDown() => http.Dispose();

    private LocalHttpServer Serve() => new(r => lists.TryGetValue(r.Path, out var respond) ? respond() : new ServedResponse(404, []));

    private StatusChecker Checker(StatusListProofVerifier? verifier = null) =>
        new(new StatusListClient(http, time, new StatusListClientOptions { Fetching = MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting }),
            verifier ?? StatusListFixtures.VerifyDigestProof, time);

    private void Publish(LocalHttpServer server, string path, string purpose, TimeSpan ttl, params int[] set)
    {
        var list = new Bitstring();
        foreach (var index in set)
        {
            list.Set(index, true);
        }

        var json = StatusListFixtures.SignedList(server.BaseUrl + path, purpose, list, ttl).ToJsonString();
        lists[path] = () => ServedResponse.Json(json);
    }

    [Test]
    public async Task CheckAsync_RevocationAndSuspensionBothClear_TwoValidResults()
    {
        await using var server = Serve();
        Publish(server, "/status/r1", StatusPurpose.Revocation, TimeSpan.FromMinutes(5), 1, 2);
        Publish(server, "/status/s1", StatusPurpose.Suspension, TimeSpan.FromMinutes(5), 3);
        var credential = StatusListFixtures.CredentialWithStatus(
            StatusListFixtures.Entry(server.BaseUrl + "/status/r1", StatusPurpose.Revocation, 48_211),
            StatusListFixtures.Entry(server.BaseUrl + "/status/s1", StatusPurpose.Suspension, 48_211));

        var results = await Checker().CheckAsync(credential);

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { StatusCheckOutcome.Valid, StatusCheckOutcome.Valid }));
        Assert.That(results[0].Detail, Does.StartWith("not revoked"));
        Assert.That(results[1].Detail, Does.StartWith("not suspended"));
        Assert.That(results[0].ListFetchedAt, Is.EqualTo(StatusListFixtures.Start));
        Assert.That(results[1].StatusListIndex, Is.EqualTo("48211"));
    }

    [TestCase(StatusPurpose.Revocation, StatusCheckOutcome.Revoked)]
    [TestCase(StatusPurpose.Suspension, StatusCheckOutcome.Suspended)]
    public async Task CheckAsync_BitSet_RevokedOrSuspended(string purpose, StatusCheckOutcome expected)
    {
        await using var server = Serve();
        Publish(server, "/status/1", purpose, TimeSpan.FromMinutes(5), 48_211);
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", purpose, 48_211));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.None));
    }

    [Test]
    public async Task CheckAsync_ListDownAfterEarlierCheck_UnknownWithLastKnown()
    {
        await using var server = Serve();
        Publish(server, "/status/1", StatusPurpose.Revocation, TimeSpan.FromMinutes(5));
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));
        var checker = Checker();
        await checker.CheckAsync(credential);

        lists["/status/1"] = () => new ServedResponse(503, []);
        time.Advance(TimeSpan.FromMinutes(6));
        var result = (await checker.CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Unknown));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.ListUnreachable));
        Assert.That(result.LastKnownOutcome, Is.EqualTo(StatusCheckOutcome.Valid));
        Assert.That(result.LastKnownAt, Is.EqualTo(StatusListFixtures.Start));
        Assert.That(result.Detail, Does.StartWith("status could not be checked (last known: valid, at 2026-11-28T09:00:00Z)"));
    }

    [Test]
    public async Task CheckAsync_ListNeverReachable_UnknownWithoutLastKnown()
    {
        await using var server = Serve();
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/missing", StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Unknown));
        Assert.That(result.LastKnownOutcome, Is.Null);
        Assert.That(result.Detail, Does.StartWith("status could not be checked (no earlier copy of the list)"));
        Assert.That(result.Detail, Does.Not.Contain("not genuine"));
    }

    [Test]
    public async Task CheckAsync_ServerHangs_UnknownWithTimeoutReason()
    {
        await using var server = new LocalHttpServer(async (r, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return new ServedResponse(200, []);
        });
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));

        var pending = Checker().CheckAsync(credential);
        await server.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var result = (await pending.WaitAsync(TimeSpan.FromSeconds(10))).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Unknown));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.ListTimeout));
    }

    [Test]
    public async Task CheckAsync_TamperedList_ProofInvalid()
    {
        await using var server = Serve();
        var list = new Bitstring();
        list.Set(10, true);
        var signed = StatusListFixtures.SignedList(server.BaseUrl + "/status/1", StatusPurpose.Revocation, list, TimeSpan.FromMinutes(5));
        // Someone clears the revocation bit on the server without the issuer's key.
        signed["credentialSubject"]!["encodedList"] = new Bitstring().Encode();
        lists["/status/1"] = () => ServedResponse.Json(signed.ToJsonString());
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.ProofInvalid));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.ProofInvalid));
    }

    [Test]
    public async Task CheckAsync_CachedList_ProofVerifiedOnce()
    {
        await using var server = Serve();
        Publish(server, "/status/1", StatusPurpose.Revocation, TimeSpan.FromMinutes(5));
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));
        var verifications = 0;
        var checker = Checker((document, ct) =>
        {
            verifications++;
            return StatusListFixtures.VerifyDigestProof(document, ct);
        });

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await checker.CheckAsync(credential)).Single().Outcome, Is.EqualTo(StatusCheckOutcome.Valid));
        }

        Assert.That(verifications, Is.EqualTo(1));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CheckAsync_SuspensionEntryOnRevocationList_PurposeMismatch()
    {
        await using var server = Serve();
        Publish(server, "/status/1", StatusPurpose.Revocation, TimeSpan.FromMinutes(5));
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Suspension, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Invalid));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.PurposeMismatch));
    }

    [Test]
    public async Task CheckAsync_IndexBeyondList_IndexOutOfRange()
    {
        await using var server = Serve();
        Publish(server, "/status/1", StatusPurpose.Revocation, TimeSpan.FromMinutes(5));
        var entry = StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10);
        entry["statusListIndex"] = "131072";

        var result = (await Checker().CheckAsync(StatusListFixtures.CredentialWithStatus(entry))).Single();

        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.IndexOutOfRange));
        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Invalid));
    }

    [Test]
    public async Task CheckAsync_ShortList_ListTooShort()
    {
        await using var server = Serve();
        var signed = StatusListFixtures.SignedList(server.BaseUrl + "/status/1", StatusPurpose.Revocation, new Bitstring(), TimeSpan.FromMinutes(5));
        signed["credentialSubject"]!["encodedList"] = BitstringTests.Gzip(new byte[1_024]);
        lists["/status/1"] = () => ServedResponse.Json(signed.ToJsonString());
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Invalid));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.ListTooShort));
    }

    [Test]
    public async Task CheckAsync_ListFromAnotherIssuer_IssuerMismatch()
    {
        await using var server = Serve();
        var json = StatusListFixtures.SignedList(server.BaseUrl + "/status/1", StatusPurpose.Revocation, new Bitstring(), TimeSpan.FromMinutes(5),
            issuer: "did:web:impostor.example").ToJsonString();
        lists["/status/1"] = () => ServedResponse.Json(json);
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.IssuerMismatch));
    }

    [Test]
    public async Task CheckAsync_ExpiredList_UnknownNotCurrentWithLastKnown()
    {
        await using var server = Serve();
        var json = StatusListFixtures.SignedList(server.BaseUrl + "/status/1", StatusPurpose.Revocation, new Bitstring(), TimeSpan.FromMinutes(5),
            validUntil: StatusListFixtures.Start.AddHours(-1)).ToJsonString();
        lists["/status/1"] = () => ServedResponse.Json(json);
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(server.BaseUrl + "/status/1", StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Unknown));
        Assert.That(result.Reason, Is.EqualTo(StatusCheckReason.ListNotCurrent));
        Assert.That(result.LastKnownOutcome, Is.EqualTo(StatusCheckOutcome.Valid));
    }

    [Test]
    public async Task CheckAsync_ValidatorStyleNumericIndex_Accepted()
    {
        await using var server = Serve();
        Publish(server, "/status/3", StatusPurpose.Revocation, TimeSpan.FromMinutes(5), 23);
        var entry = StatusListFixtures.Entry(server.BaseUrl + "/status/3", StatusPurpose.Revocation, 23);
        entry["statusListIndex"] = 23;

        var result = (await Checker().CheckAsync(StatusListFixtures.CredentialWithStatus(entry))).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Revoked));
        Assert.That(result.StatusListIndex, Is.EqualTo("23"));
    }

    [TestCase("""{"id":"https://x.example/revocations","type":"1EdTechRevocationList"}""", StatusCheckOutcome.Unknown, StatusCheckReason.UnsupportedStatusType)]
    [TestCase("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/s","statusSize":2}""", StatusCheckOutcome.Unknown, StatusCheckReason.UnsupportedStatusSize)]
    [TestCase("""{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"1","statusListCredential":"https://x.example/s"}""", StatusCheckOutcome.Unknown, StatusCheckReason.UnsupportedStatusPurpose)]
    [TestCase("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"-1","statusListCredential":"https://x.example/s"}""", StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed)]
    [TestCase("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1"}""", StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed)]
    [TestCase("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"not a url"}""", StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed)]
    [TestCase("\"just a string\"", StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed)]
    public async Task CheckAsync_EntryWeCannotUse_OutcomeAndReason(string entryJson, StatusCheckOutcome outcome, StatusCheckReason reason)
    {
        var credential = StatusListFixtures.CredentialWithStatus(JsonNode.Parse(entryJson)!);

        var result = (await Checker().CheckAsync(credential)).Single();

        Assert.That(result.Outcome, Is.EqualTo(outcome));
        Assert.That(result.Reason, Is.EqualTo(reason));
        Assert.That(result.Detail, Is.Not.Empty);
    }

    [Test]
    public async Task CheckAsync_NoCredentialStatus_NoResults()
    {
        var credential = StatusListFixtures.CredentialWithStatus(new JsonObject());
        credential.Remove("credentialStatus");

        Assert.That(await Checker().CheckAsync(credential), Is.Empty);
    }

    [Test]
    public async Task CheckAsync_LocalListGiven_UsedWithoutFetching()
    {
        await using var server = Serve();
        var url = server.BaseUrl + "/status/1";
        var ours = new Bitstring();
        ours.Set(10, true);
        var credential = StatusListFixtures.CredentialWithStatus(StatusListFixtures.Entry(url, StatusPurpose.Revocation, 10));

        var result = (await Checker().CheckAsync(credential, (listUrl, purpose) => listUrl == url && purpose == StatusPurpose.Revocation ? ours : null)).Single();

        Assert.That(result.Outcome, Is.EqualTo(StatusCheckOutcome.Revoked));
        Assert.That(result.ListFetchedAt, Is.Null);
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public void Check_KnownBitstring_ReadsTheEntryBit()
    {
        var list = new Bitstring();
        list.Set(4, true);

        var revoked = StatusChecker.Check(StatusEntryFactory.Create("https://x.example/status/1", StatusPurpose.Revocation, 4), list);
        var valid = StatusChecker.Check(StatusEntryFactory.Create("https://x.example/status/1", StatusPurpose.Revocation, 5), list);
        var suspended = StatusChecker.Check(StatusEntryFactory.Create("https://x.example/status/2", StatusPurpose.Suspension, 4), list);

        Assert.That(new[] { revoked.Outcome, valid.Outcome, suspended.Outcome },
            Is.EqualTo(new[] { StatusCheckOutcome.Revoked, StatusCheckOutcome.Valid, StatusCheckOutcome.Suspended }));
    }

    [Test]
    public void Check_IndexNotANumber_EntryMalformed()
    {
        var entry = StatusEntryFactory.Create("https://x.example/status/1", StatusPurpose.Revocation, 4) with { StatusListIndex = "4a" };

        Assert.That(StatusChecker.Check(entry, new Bitstring()).Reason, Is.EqualTo(StatusCheckReason.EntryMalformed));
    }
}
