using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// Makes credential offers (OpenID4VCI 1.0 §4.1), one live offer per award: a graduate who asks again while an offer is
/// live gets the same one. An offer's pre-authorized code and 6-digit PIN are derived from its id with the award's
/// secret download token (HMAC-SHA256), so the page can show a live offer again while the database keeps only their
/// hashes; the PIN is shown to the graduate only (never in the offer). The offer is served by reference at
/// <c>credential_offer_uri</c>.
/// </summary>
internal sealed class WalletOffers(CredentialStore store, WalletIssuer issuer, IssuanceService issuance, TimeProvider time)
{
    /// <summary>The credential's live offer (not redeemed, locked or expired), or null.</summary>
    public async Task<MadeOffer?> FindLiveAsync(string credentialId, CancellationToken ct) =>
        await store.FindLiveWalletOfferAsync(credentialId, HostLimits.WalletTxCodeMaxAttempts, ct) is { } live
            ? Shown(live.Id, credentialId, live.ExpiresAt, reused: true)
            : null;

    /// <summary>The credential's live offer, or a new one when none is live.</summary>
    public async Task<MadeOffer> GetOrCreateAsync(string credentialId, CancellationToken ct) =>
        await FindLiveAsync(credentialId, ct) ?? await CreateAsync(credentialId, ct);

    /// <summary>A new offer for a credential.</summary>
    public async Task<MadeOffer> CreateAsync(string credentialId, CancellationToken ct)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var expires = time.GetUtcNow() + HostLimits.WalletOfferLifetime;
        var (code, pin) = Secrets(credentialId, id);
        await store.CreateWalletOfferAsync(id, credentialId, code, pin, expires, ct);
        return Shown(id, credentialId, expires, reused: false);
    }

    /// <summary>The credential offer object for a code (§4.1.1), or null when the code is unknown, used, locked by wrong PINs or expired.</summary>
    public async Task<JsonObject?> OfferAsync(string code, CancellationToken ct)
    {
        var offer = code.Length <= HostLimits.WalletCodeMaxLength ? await store.FindWalletOfferByCodeAsync(code, ct) : null;
        if (offer is null || offer.IsRedeemed || offer.FailedAttempts >= HostLimits.WalletTxCodeMaxAttempts || time.GetUtcNow() >= offer.ExpiresAt)
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

    private MadeOffer Shown(string offerId, string credentialId, DateTimeOffset expires, bool reused)
    {
        var (code, pin) = Secrets(credentialId, offerId);
        var uri = issuer.Url(WalletTerms.OffersPath + "/" + code);
        return new MadeOffer(uri, WalletTerms.OfferScheme + "?credential_offer_uri=" + Uri.EscapeDataString(uri), pin, expires, reused);
    }

    // The award's download token is the secret only the graduate and the issuer know; each offer id gives its own code and PIN.
    private (string Code, string Pin) Secrets(string credentialId, string offerId)
    {
        var url = issuance.DownloadUrlFor(credentialId);
        var key = Encoding.UTF8.GetBytes(url[(url.LastIndexOf('/') + 1)..]);
        var code = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("openid4vci-pre-authorized-code|" + offerId)));
        var pinBytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("openid4vci-tx-code|" + offerId));
        var pin = (BinaryPrimitives.ReadUInt64BigEndian(pinBytes) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return (code, pin);
    }
}

/// <summary>An offer as shown to the graduate.</summary>
/// <param name="CredentialOfferUri">The <c>credential_offer_uri</c>.</param>
/// <param name="Link">The <c>openid-credential-offer://</c> link (also the QR code's content).</param>
/// <param name="Pin">The transaction code, shown on the page only.</param>
/// <param name="ExpiresAt">When the offer stops working.</param>
/// <param name="Reused">Whether it is a live offer made earlier (not a new one).</param>
internal sealed record MadeOffer(string CredentialOfferUri, string Link, string Pin, DateTimeOffset ExpiresAt, bool Reused);
