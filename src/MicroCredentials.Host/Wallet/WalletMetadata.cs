using System.Text.Json.Nodes;
using MicroCredentials.Keys;
using MicroCredentials.SdJwt;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// The Credential Issuer Metadata (OpenID4VCI 1.0 §12.2), its signed form (§12.2.3, a JWT of <c>typ</c>
/// <c>openidvci-issuer-metadata+jwt</c> signed with the issuer's ES256 key), and the OAuth Authorization Server
/// Metadata (RFC 8414) of the pre-authorized code flow.
/// </summary>
internal sealed class WalletMetadata(WalletIssuer issuer, IssuerKeySet keys, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private static readonly (string Locale, string Name)[] IssuerDisplay =
    [
        ("nl", "Microcredentials"), ("en", "Micro-credentials"), ("fr", "Microcertifications"),
    ];

    public JsonObject CredentialIssuer()
    {
        var typeMetadata = MicroCredentialTypeMetadata.Build(issuer.Vct);
        return new JsonObject
        {
            ["credential_issuer"] = issuer.Identifier,
            ["credential_endpoint"] = issuer.Url(WalletTerms.CredentialPath),
            ["nonce_endpoint"] = issuer.Url(WalletTerms.NoncePath),
            ["batch_credential_issuance"] = new JsonObject { ["batch_size"] = HostLimits.WalletBatchSize },
            ["display"] = new JsonArray([.. IssuerDisplay.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["locale"] = d.Locale })]),
            ["credential_configurations_supported"] = new JsonObject
            {
                [WalletTerms.SdJwtConfiguration] = new JsonObject
                {
                    ["format"] = SdJwtVcTerms.Type,
                    ["vct"] = issuer.Vct,
                    ["cryptographic_binding_methods_supported"] = new JsonArray("jwk"),
                    ["credential_signing_alg_values_supported"] = new JsonArray("ES256"),
                    ["proof_types_supported"] = ProofTypes(),
                    ["credential_metadata"] = new JsonObject
                    {
                        ["display"] = Display(typeMetadata),
                        ["claims"] = new JsonArray([.. typeMetadata["claims"]!.AsArray().Select(c => (JsonNode)new JsonObject
                        {
                            ["path"] = c!["path"]!.DeepClone(),
                            ["display"] = new JsonArray([.. c["display"]!.AsArray().Select(d => (JsonNode)new JsonObject
                            {
                                ["name"] = d!["label"]!.DeepClone(),
                                ["locale"] = d["locale"]!.DeepClone(),
                            })]),
                        })]),
                    },
                },
                [WalletTerms.LdpConfiguration] = new JsonObject
                {
                    ["format"] = "ldp_vc",
                    ["credential_definition"] = new JsonObject
                    {
                        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
                        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
                    },
                    ["cryptographic_binding_methods_supported"] = new JsonArray("did:jwk"),
                    ["credential_signing_alg_values_supported"] = new JsonArray("eddsa-rdfc-2022"),
                    ["proof_types_supported"] = ProofTypes(),
                    ["credential_metadata"] = new JsonObject { ["display"] = Display(typeMetadata) },
                },
            },
        };
    }

    /// <summary>The metadata as a signed JWT (the claims are the metadata, plus <c>sub</c>, <c>iss</c> and <c>iat</c>).</summary>
    public string SignedCredentialIssuer()
    {
        var claims = CredentialIssuer();
        claims["sub"] = issuer.Identifier;
        claims["iss"] = keys.IssuerId;
        claims["iat"] = time.GetUtcNow().ToUnixTimeSeconds();
        return Handler.CreateToken(claims.ToJsonString(), keys.Es256.SigningCredentials,
            new Dictionary<string, object> { ["typ"] = WalletTerms.SignedMetadataType });
    }

    public JsonObject AuthorizationServer() => new()
    {
        ["issuer"] = issuer.Identifier,
        ["token_endpoint"] = issuer.Url(WalletTerms.TokenPath),
        ["grant_types_supported"] = new JsonArray(WalletTerms.PreAuthorizedGrant),
        ["pre-authorized_grant_anonymous_access_supported"] = true,
        ["response_types_supported"] = new JsonArray(),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
    };

    private static JsonObject ProofTypes() => new()
    {
        ["jwt"] = new JsonObject { ["proof_signing_alg_values_supported"] = new JsonArray("ES256", "EdDSA") },
    };

    private static JsonArray Display(JsonObject typeMetadata) =>
        new([.. typeMetadata["display"]!.AsArray().Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d!["name"]!.DeepClone(),
            ["locale"] = d["locale"]!.DeepClone(),
            ["description"] = d["description"]!.DeepClone(),
            ["background_color"] = d["rendering"]!["simple"]!["background_color"]!.DeepClone(),
            ["text_color"] = d["rendering"]!["simple"]!["text_color"]!.DeepClone(),
        })]);
}
