using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;
using MicroCredentials.Status;

namespace MicroCredentials.Host.Tests.Wallet;

/// <summary>
/// The OpenID4VCI flow over real HTTP against the real host and storage: offer, token with PIN, nonce, key proofs,
/// both formats, presentation back to /api/verify, revocation in both; and each refusal with the spec's error code.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed partial class WalletFlowTests(string provider)
{
    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = "";

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private string IssuerId => Factory.BaseAddress.ToString().TrimEnd('/');

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync(provider);
        client = factory.Client();
        adminKey = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [Test]
    public async Task Metadata_IssuerAndAuthorizationServer_NameEndpointsBothConfigurationsAndThreeLanguages()
    {
        var metadata = await GetJsonAsync("/.well-known/openid-credential-issuer");
        var server = await GetJsonAsync("/.well-known/oauth-authorization-server");
        var configurations = metadata["credential_configurations_supported"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That((string?)metadata["credential_issuer"], Is.EqualTo(IssuerId));
            Assert.That((string?)metadata["nonce_endpoint"], Is.EqualTo(IssuerId + "/wallet/nonce"));
            Assert.That(configurations.Select(c => (string?)c.Value!["format"]), Is.EquivalentTo(new[] { "dc+sd-jwt", "ldp_vc" }));
            Assert.That(metadata["display"]!.AsArray().Select(d => (string?)d!["locale"]), Is.EqualTo(new[] { "nl", "en", "fr" }));
            Assert.That((string?)server["token_endpoint"], Is.EqualTo(IssuerId + "/wallet/token"));
            Assert.That(server["grant_types_supported"]!.AsArray().Select(g => (string?)g), Does.Contain("urn:ietf:params:oauth:grant-type:pre-authorized_code"));
        });
    }

    [Test]
    public async Task Metadata_SignedOnRequest_VerifiesWithTheIssuerJwks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-credential-issuer");
        request.Headers.Accept.ParseAdd("application/jwt");
        using var response = await Client.SendAsync(request);
        var jwt = await response.Content.ReadAsStringAsync();

        var jws = CompactJws.TryRead(jwt, out var error);
        Assert.That(jws, Is.Not.Null, error);
        Assert.That(jws!.Type, Is.EqualTo("openidvci-issuer-metadata+jwt"));
        Assert.That(jws.VerifiedBy(await JwksAsync()), Is.Not.Null);
        Assert.That((string?)jws.Payload["credential_issuer"], Is.EqualTo(IssuerId));
    }

    [Test]
    public async Task TypeMetadata_AtTheVct_ListsDisplayAndClaims()
    {
        var metadata = await GetJsonAsync("/.well-known/openid-credential-issuer");
        var vct = (string)metadata["credential_configurations_supported"]!["micro_credential_dc_sd_jwt"]!["vct"]!;
        var type = await GetJsonAsync(new Uri(vct).AbsolutePath);
        Assert.That((string?)type["vct"], Is.EqualTo(vct));
        Assert.That(type["display"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(type["claims"]!.AsArray().Count(c => (string?)c!["sd"] == "always"), Is.EqualTo(MicroCredentialSdJwtVc.DisclosablePaths.Count));
    }

    [TestCase("ES256")]
    [TestCase("EdDSA")]
    public async Task Flow_SdJwtBatch_EachBoundToItsKeyAndVerifiedBack(string algorithm)
    {
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var first = algorithm == "ES256" ? HolderSigningKey.CreateES256() : HolderSigningKey.CreateEdDsa();
        using var second = algorithm == "ES256" ? HolderSigningKey.CreateES256() : HolderSigningKey.CreateEdDsa();
        var nonce = await NonceAsync();

        var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(first, nonce), Proof(second, nonce));
        var credentials = (await JsonAsync(response, HttpStatusCode.OK))["credentials"]!.AsArray();

        Assert.That(credentials, Has.Count.EqualTo(2));
        var keys = await JwksAsync();
        var holders = new[] { first, second };
        for (var i = 0; i < 2; i++)
        {
            var sdJwt = (string)credentials[i]!["credential"]!;
            var result = SdJwtVerifier.Verify(sdJwt, keys, TimeProvider.System, new SdJwtVerificationOptions { ExpectedType = "dc+sd-jwt" });
            Assert.That(result.IsValid, Is.True, result.Detail);
            Assert.That(result.HolderKey!.HasSameKey(holders[i].PublicKey), Is.True);
            Assert.That((string?)result.Payload!["credentialSubject"]!["name"], Is.EqualTo(issued.Name));
        }
    }
}
