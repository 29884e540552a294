using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Tests.Wallet;

public sealed partial class WalletFlowTests
{
    [Test]
    public async Task Flow_BothFormatsPresentedBack_ValidThenRevokedInBoth()
    {
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var holder = HolderSigningKey.CreateEdDsa();

        using var sdResponse = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        var sdJwt = (string)(await JsonAsync(sdResponse, HttpStatusCode.OK))["credentials"]![0]!["credential"]!;
        using var ldpResponse = await CredentialAsync(token, "micro_credential_ob3_ldp_vc", Proof(holder, await NonceAsync()));
        var ldp = (await JsonAsync(ldpResponse, HttpStatusCode.OK))["credentials"]![0]!["credential"]!.AsObject();

        Assert.That((string?)ldp["credentialSubject"]!["id"], Does.StartWith("did:jwk:"));
        var presented = Present(sdJwt, holder, "achievement");

        var sdBefore = await VerifyAsync(presented);
        var ldpBefore = await VerifyAsync(ldp.ToJsonString());
        Assert.That((string?)sdBefore["verdict"], Is.EqualTo("valid"), sdBefore.ToJsonString());
        Assert.That(sdBefore["checks"]!.AsArray().Select(c => (string?)c!["status"]), Is.All.EqualTo("passed"), sdBefore.ToJsonString());
        Assert.That((string?)sdBefore["claims"]!["credentialSubject"]!["achievement"]!["name"], Is.Not.Null);
        Assert.That(sdBefore["claims"]!["credentialSubject"]!["name"], Is.Null, "the learner's name was not disclosed");
        Assert.That((string?)ldpBefore["verdict"], Is.EqualTo("valid"), ldpBefore.ToJsonString());

        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/credentials/{issued.Id}/revoke") { Content = JsonContent.Create(new { reason = "wallet test" }) };
        revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using (var revoked = await Client.SendAsync(revoke))
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var sdAfter = await VerifyAsync(Present(sdJwt, holder, "achievement"));
        var ldpAfter = await UntilVerdictAsync(ldp.ToJsonString(), "revoked");
        Assert.That((string?)sdAfter["verdict"], Is.EqualTo("revoked"), sdAfter.ToJsonString());
        Assert.That((string?)ldpAfter["verdict"], Is.EqualTo("revoked"), ldpAfter.ToJsonString());
    }

    [Test]
    public async Task Verify_SdJwtWithoutKeyBinding_ValidWithHolderBindingNotChecked()
    {
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        var sdJwt = (string)(await JsonAsync(response, HttpStatusCode.OK))["credentials"]![0]!["credential"]!;

        var answer = await VerifyAsync(sdJwt);

        Assert.That((string?)answer["verdict"], Is.EqualTo("valid"));
        Assert.That(answer["checks"]!.AsArray().Single(c => (string?)c!["id"] == "holder_binding")!["status"]!.GetValue<string>(), Is.EqualTo("not_checked"));
    }

    [Test]
    public async Task Verify_SdJwtWithForeignKeyBinding_Invalid()
    {
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var holder = HolderSigningKey.CreateES256();
        using var thief = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        var sdJwt = (string)(await JsonAsync(response, HttpStatusCode.OK))["credentials"]![0]!["credential"]!;

        var answer = await VerifyAsync(Present(sdJwt, thief, "achievement"));

        Assert.That((string?)answer["verdict"], Is.EqualTo("invalid"));
        Assert.That(answer["checks"]!.AsArray().Single(c => (string?)c!["id"] == "holder_binding")!["reason"]!.GetValue<string>(), Is.EqualTo("KeyBindingInvalid"));
    }

    [Test]
    public async Task StatusToken_OfTheCredentialsList_IsAStatusListJwtSignedByTheIssuer()
    {
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        var sdJwt = (string)(await JsonAsync(response, HttpStatusCode.OK))["credentials"]![0]!["credential"]!;
        var claims = SdJwtVerifier.Verify(sdJwt, await JwksAsync(), TimeProvider.System).Payload!;
        var uri = (string)claims["status"]!["status_list"]!["uri"]!;

        using var list = await Client.GetAsync(new Uri(uri).AbsolutePath);
        var jwt = await list.Content.ReadAsStringAsync();

        Assert.That(list.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/statuslist+jwt"));
        var read = MicroCredentials.Status.TokenStatusListToken.TryRead(jwt, uri, await JwksAsync(), TimeProvider.System.GetUtcNow(), out var error);
        Assert.That(read, Is.Not.Null, error);
        Assert.That(read!.Get((int)claims["status"]!["status_list"]!["idx"]!), Is.EqualTo(0));
    }

    private string Present(string sdJwt, HolderSigningKey holder, string disclosure) =>
        SdJwtPresentation.AddKeyBinding(SdJwtPresentation.Select(sdJwt, d => d.Name == "name" && d.Value is JsonValue v && v.ToString() != "" && disclosure == "achievement" && IsAchievementName(d)),
            holder, IssuerId, "verifier-nonce", TimeProvider.System.GetUtcNow());

    // The achievement's name disclosure is the "name" one whose value is not the learner's (which is the learner identifier).
    private static bool IsAchievementName(SdJwtDisclosure d) => !d.Value!.ToString().StartsWith("An Wallet", StringComparison.Ordinal);

    private async Task<JsonObject> UntilVerdictAsync(string body, string verdict)
    {
        // Our own pages read the status lists with at most half a second of staleness; wait on the condition, not a clock.
        JsonObject answer;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            answer = await VerifyAsync(body);
        }
        while ((string?)answer["verdict"] != verdict && clock.Elapsed < TimeSpan.FromSeconds(30));

        return answer;
    }
}
