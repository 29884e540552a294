using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// Makes credential offers (OpenID4VCI 1.0 §4.1): a fresh pre-authorized code and a 6-digit PIN per offer, the PIN
/// shown to the graduate only (never in the offer), both stored as hashes; the offer is served by reference at
/// <c>credential_offer_uri</c>.
/// </summary>
internal sealed class WalletOffers(CredentialStore store, WalletIssuer issuer, TimeProvider time)
{
    /// <summary>A new offer for a credential.</summary>
    public async Task<MadeOffer> CreateAsync(string credentialId, CancellationToken ct)
    {
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var pin = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var expires = time.GetUtcNow() + HostLimits.WalletOfferLifetime;
        await store.CreateWalletOfferAsync(id, credentialId, code, pin, expires, ct);
        var uri = issuer.Url(WalletTerms.OffersPath + "/" + code);
        return new MadeOffer(uri, WalletTerms.OfferScheme + "?credential_offer_uri=" + Uri.EscapeDataString(uri), pin, expires);
    }

    /// <summary>The credential offer object for a code (§4.1.1), or null when the code is unknown, used or expired.</summary>
    public async Task<JsonObject?> OfferAsync(string code, CancellationToken ct)
    {
        var offer = code.Length <= HostLimits.WalletCodeMaxLength ? await store.FindWalletOfferByCodeAsync(code, ct) : null;
        if (offer is null || offer.IsRedeemed || time.GetUtcNow() >= offer.ExpiresAt)
        {
            return null;
        }

        return new JsonObject
        {
            ["credential_issuer"] = issuer.Identifier,
            ["credential_configuration_ids"] = new JsonArray(WalletTerms.SdJwtConfiguration, WalletTerms.LdpConfiguration),
            ["grants"] = new JsonObject
            {
                [WalletTerms.PreAuthorizedGrant] = new JsonObject
                {
                    ["pre-authorized_code"] = code,
                    ["tx_code"] = new JsonObject
                    {
                        ["input_mode"] = "numeric",
                        ["length"] = 6,
                        ["description"] = "The PIN on your download page / de pincode op je downloadpagina / le code PIN de votre page",
                    },
                },
            },
        };
    }
}

/// <summary>An offer as shown to the graduate.</summary>
/// <param name="CredentialOfferUri">The <c>credential_offer_uri</c>.</param>
/// <param name="Link">The <c>openid-credential-offer://</c> link (also the QR code's content).</param>
/// <param name="Pin">The transaction code, shown on the page only.</param>
/// <param name="ExpiresAt">When the offer stops working.</param>
internal sealed record MadeOffer(string CredentialOfferUri, string Link, string Pin, DateTimeOffset ExpiresAt);
