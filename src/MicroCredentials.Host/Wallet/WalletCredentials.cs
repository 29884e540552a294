using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// The two forms of one award, made from the stored Open Badges credential: <c>dc+sd-jwt</c> (an SD-JWT VC signed
/// with the issuer's ES256 key, <c>kid</c> resolvable in the issuer's DID document and JWKS and the key's certificate in
/// <c>x5c</c> (<see cref="WalletX5c"/>), bound by <c>cnf</c>, status
/// at the credential's own revocation index) and <c>ldp_vc</c> (the OB credential with <c>credentialSubject.id</c> the
/// holder's <c>did:jwk</c>, re-signed with <c>eddsa-rdfc-2022</c>, same <c>credentialStatus</c>).
/// </summary>
internal sealed class WalletCredentials(IssuerKeySet keys, WalletIssuer issuer, WalletX5c x5c, TimeProvider time)
{
    public string SdJwtVc(StoredCredential stored, HolderKey holder)
    {
        var credential = (JsonObject)JsonNode.Parse(stored.CredentialJson)!;
        var revocation = stored.Status.Revocation;
        var claims = MicroCredentialSdJwtVc.Claims(credential, issuer.Vct, holder, revocation.Index, issuer.TokenStatusListUrl(revocation.ListId));
        var key = keys.Es256;
        return SdJwtIssuer.Issue(MicroCredentialSdJwtVc.Payload(claims), key, SdJwtVcTerms.Type, x5c.For(key));
    }

    public JsonObject LdpVc(StoredCredential stored, HolderKey holder)
    {
        var credential = (JsonObject)JsonNode.Parse(stored.CredentialJson)!;
        credential.Remove("proof");
        if (credential["credentialSubject"] is JsonObject subject)
        {
            // did:jwk (the JWK's UTF-8 JSON, base64url): the holder binding an OB credential can carry.
            var did = "did:jwk:" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(holder.Jwk.ToJsonString()));
            var rebuilt = new JsonObject { ["id"] = did };
            foreach (var (name, value) in subject.ToList())
            {
                subject.Remove(name);
                if (name != "id")
                {
                    rebuilt[name] = value;
                }
            }

            credential["credentialSubject"] = rebuilt;
        }

        var now = time.GetUtcNow();
        return DataIntegritySigner.Sign(credential, keys.Ed25519Key, keys.VerificationMethodId,
            new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
    }
}
