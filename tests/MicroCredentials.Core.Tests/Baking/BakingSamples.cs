namespace MicroCredentials.Core.Tests.Baking;

/// <summary>Credentials to bake: a JSON credential with an embedded proof and a compact JWS.</summary>
internal static class BakingSamples
{
    public const string Json = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:0192f1c4-7d3e-7a10-9c43-5d1b0c7f1a11",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "Datawetenschap voor de gezondheidszorg — Zoë Müller-Brontë ]]> 6 ECTS",
          "proof": [{ "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofValue": "z58DAdFfa9SkqZMVPxAQpic7ndSayn1PzZs6ZjWp1" }]
        }
        """;

    public const string Jwt = "eyJhbGciOiJFUzI1NiIsImtpZCI6Im5vdmEtZXMyNTYiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJkaWQ6d2ViOmNyZWRlbnRpYWxzLm5vdmEtYWNhZGVteS5iZSJ9.c2lnbmF0dXJl";
}
