using System.Net;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Tests.Wallet;

/// <summary>Each refusal with the error code OAuth 2.0 (RFC 6749 §5.2) or OpenID4VCI 1.0 (§6.3, §8.3.1.2) names.</summary>
public sealed partial class WalletFlowTests
{
    [Test]
    public async Task Token_WrongPins_InvalidGrantThenLockedAtTheLimit()
    {
        var offer = await OfferAsync(await IssueAsync());
        var wrong = offer.Pin == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            using var response = await TokenResponseAsync(offer.Code, wrong);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_grant"));
        }

        using var right = await TokenResponseAsync(offer.Code, offer.Pin);
        Assert.That(await ErrorAsync(right), Is.EqualTo("invalid_grant"), "locked after 5 wrong PINs");
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("too many wrong PINs"));
        using var fetched = await Client.GetAsync(new Uri(offer.Uri).AbsolutePath);
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a locked offer is no longer served by reference");
        Assert.That(await fetched.Content.ReadAsStringAsync(), Does.Contain("locked after too many wrong PINs"));
    }

    [Test]
    public async Task Token_NoPin_InvalidRequest()
    {
        var offer = await OfferAsync(await IssueAsync());
        using var response = await TokenResponseAsync(offer.Code, null);
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task Token_ReplayedOffer_InvalidGrantAndOfferGone()
    {
        var offer = await OfferAsync(await IssueAsync());
        await TokenAsync(offer);
        using var again = await TokenResponseAsync(offer.Code, offer.Pin);
        using var fetched = await Client.GetAsync(new Uri(offer.Uri).AbsolutePath);

        Assert.That(await ErrorAsync(again), Is.EqualTo("invalid_grant"));
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Token_OtherGrantType_UnsupportedGrantType()
    {
        var offer = await OfferAsync(await IssueAsync());
        using var response = await TokenResponseAsync(offer.Code, offer.Pin, "authorization_code");
        Assert.That(await ErrorAsync(response), Is.EqualTo("unsupported_grant_type"));
    }

    [Test]
    public async Task Offer_Link_IsAnOpenIdCredentialOfferByReference()
    {
        var offer = await OfferAsync(await IssueAsync());
        Assert.That(offer.Link, Is.EqualTo("openid-credential-offer://?credential_offer_uri=" + Uri.EscapeDataString(offer.Uri)));
        Assert.That(offer.Pin, Does.Match("^[0-9]{6}$"));
    }

    [Test]
    public async Task Credential_ForeignNonce_InvalidNonce()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, "a-nonce-we-never-issued"));
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_nonce"));
    }

    [Test]
    public async Task Credential_ReplayedNonce_InvalidNonce()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var holder = HolderSigningKey.CreateES256();
        var nonce = await NonceAsync();
        using (var first = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, nonce)))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var replay = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, nonce));
        Assert.That(await ErrorAsync(replay), Is.EqualTo("invalid_nonce"));
    }

    [Test]
    public async Task Credential_ProofSignedByAnotherKey_InvalidProof()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var claimed = HolderSigningKey.CreateES256();
        using var signer = HolderSigningKey.CreateES256();
        var forged = signer.SignJws(new System.Text.Json.Nodes.JsonObject { ["typ"] = "openid4vci-proof+jwt", ["jwk"] = claimed.PublicKey.Jwk.DeepClone() },
            new System.Text.Json.Nodes.JsonObject { ["aud"] = IssuerId, ["iat"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), ["nonce"] = await NonceAsync() });
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", forged);
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_proof"));
    }

    [TestCase("https://other-issuer.example", 0, TestName = "Credential_ProofForAnotherIssuer_InvalidProof")]
    [TestCase(null, -3600, TestName = "Credential_StaleProof_InvalidProof")]
    [TestCase(null, 3600, TestName = "Credential_ProofFromTheFuture_InvalidProof")]
    public async Task Credential_BadProofClaims_InvalidProof(string? audience, int iatOffsetSeconds)
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var holder = HolderSigningKey.CreateEdDsa();
        var iat = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + iatOffsetSeconds;
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync(), audience, iat));
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_proof"));
    }

    [Test]
    public async Task Credential_UnknownConfiguration_UnknownCredentialConfiguration()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "mso_mdoc_diploma", Proof(holder, await NonceAsync()));
        Assert.That(await ErrorAsync(response), Is.EqualTo("unknown_credential_configuration"));
    }

    [Test]
    public async Task Credential_NoAccessToken_InvalidToken401()
    {
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync("not-a-token", "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_token"));
    }

    [Test]
    public async Task Credential_OnePastBatchSize_InvalidCredentialRequest()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var holder = HolderSigningKey.CreateES256();
        var nonce = await NonceAsync();
        var proofs = Enumerable.Range(0, 11).Select(_ => Proof(holder, nonce)).ToArray();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", proofs);
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_credential_request"));

        using var atLimit = await CredentialAsync(token, "micro_credential_dc_sd_jwt", proofs[..10]);
        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Credential_ProofOnePastLength_InvalidProof()
    {
        var token = await TokenAsync(await OfferAsync(await IssueAsync()));
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", new string('A', 8 * 1024 + 1));
        Assert.That(await ErrorAsync(response), Is.EqualTo("invalid_proof"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("at most 8192"));
    }
}
