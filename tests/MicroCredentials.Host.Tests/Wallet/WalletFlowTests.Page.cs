using System.Net;
using System.Text.RegularExpressions;

namespace MicroCredentials.Host.Tests.Wallet;

/// <summary>The download page's "Add to your wallet": one offer per award, made when asked for, shown again while live.</summary>
public sealed partial class WalletFlowTests
{
    [TestCase("en", "Add to your wallet")]
    [TestCase("nl", "Toevoegen aan je wallet")]
    [TestCase("fr", "Ajouter à votre portefeuille")]
    public async Task DownloadPage_WalletSection_QrCodeIsTheLinkAndThePinRedeemsIt(string lang, string title)
    {
        var issued = await IssueAsync();
        var first = await PageAsync(issued, lang);
        Assert.That(first.Html, Does.Contain(title));
        Assert.That(first.Html, Does.Contain("data-wallet=\"ask\""), "no offer before the graduate asks for one");
        Assert.That(first.Html, Does.Not.Contain("data-field=\"wallet_qr\""));

        var html = await AskForOfferAsync(issued, first, lang);
        var (link, pin) = ShownOffer(html);
        var qr = Regex.Match(html, "src=\"data:image/png;base64,([^\"]+)\"[^>]*data-field=\"wallet_qr\"").Groups[1].Value;
        Assert.That(link, Does.StartWith("openid-credential-offer://?credential_offer_uri="));
        Assert.That(pin, Has.Length.EqualTo(6));
        Assert.That(MicroCredentials.Host.Components.Pages.Verify.QrImageReader.TryRead(Convert.FromBase64String(qr)), Is.EqualTo(link));

        using var token = await TokenResponseAsync(await CodeOfAsync(link), pin);
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DownloadPage_ViewedAgain_ShowsTheSameLiveOffer_AndAfterUseOffersANewOne()
    {
        var issued = await IssueAsync();
        var page = await PageAsync(issued, "en");
        var offered = ShownOffer(await AskForOfferAsync(issued, page, "en"));

        var again = await PageAsync(issued, "en");
        Assert.That(ShownOffer(again.Html), Is.EqualTo(offered), "a page view shows the live offer, not a new one");
        using (var api = await Client.PostAsync("/wallet/offers", System.Net.Http.Json.JsonContent.Create(new { download_token = issued.DownloadToken })))
        {
            var reused = await JsonAsync(api, HttpStatusCode.OK);
            Assert.That(((string?)reused["offer_link"], (string?)reused["tx_code"], (bool?)reused["reused"]), Is.EqualTo((offered.Link, offered.Pin, true)),
                "asking again while an offer is live reuses it");
        }

        using (var token = await TokenResponseAsync(await CodeOfAsync(offered.Link), offered.Pin))
        {
            Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var afterUse = await PageAsync(issued, "en");
        Assert.That(afterUse.Html, Does.Contain("data-wallet=\"ask\""), "a used offer is not shown again");
        var next = ShownOffer(await AskForOfferAsync(issued, afterUse, "en"));
        Assert.That(next.Link, Is.Not.EqualTo(offered.Link));
    }

    [Test]
    public async Task DownloadPage_OfferLockedByWrongPins_IsReplacedWhenAskedAgain()
    {
        var issued = await IssueAsync();
        var offered = ShownOffer(await AskForOfferAsync(issued, await PageAsync(issued, "en"), "en"));
        var code = await CodeOfAsync(offered.Link);
        for (var i = 0; i < MicroCredentials.Host.HostLimits.WalletTxCodeMaxAttempts; i++)
        {
            using var wrong = await TokenResponseAsync(code, offered.Pin == "000000" ? "111111" : "000000");
            Assert.That(await ErrorAsync(wrong), Is.EqualTo("invalid_grant"));
        }

        var page = await PageAsync(issued, "en");
        Assert.That(page.Html, Does.Contain("data-wallet=\"ask\""), "a locked offer is not shown again");
        var next = ShownOffer(await AskForOfferAsync(issued, page, "en"));
        using var token = await TokenResponseAsync(await CodeOfAsync(next.Link), next.Pin);
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the attempt limit holds per offer; the new offer works");
    }

    [Test]
    public async Task DownloadPage_AskWithoutAntiforgeryToken_Refused400AndNoOffer()
    {
        var issued = await IssueAsync();
        using var forged = await Client.PostAsync($"/d/{issued.DownloadToken}/wallet", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await PageAsync(issued, "en")).Html, Does.Contain("data-wallet=\"ask\""));
    }

    [Test]
    public async Task DownloadPage_AskForARevokedAward_NoOfferAndTheApiSays409()
    {
        var issued = await IssueAsync();
        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/credentials/{issued.Id}/revoke")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "page test" }),
        };
        revoke.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
        using (var revoked = await Client.SendAsync(revoke))
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var page = await PageAsync(issued, "en");
        Assert.That(page.Html, Does.Contain("data-wallet=\"withheld\""));
        using var api = await Client.PostAsync("/wallet/offers", System.Net.Http.Json.JsonContent.Create(new { download_token = issued.DownloadToken }));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    private sealed record Page(string Html, string? Cookie);

    private async Task<Page> PageAsync(Issued issued, string lang)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/d/" + issued.DownloadToken);
        request.Headers.AcceptLanguage.ParseAdd(lang);
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join("; ", cookies.Select(c => c.Split(';')[0])) : null;
        return new Page(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), cookie);
    }

    // Presses "Add to your wallet" as a browser would: the form's antiforgery token and cookie, then the redirect back.
    private async Task<string> AskForOfferAsync(Issued issued, Page page, string lang)
    {
        var form = Regex.Match(page.Html, "<form method=\"post\" action=\"([^\"]+)\" data-form=\"wallet-offer\">(.*?)</form>", RegexOptions.Singleline);
        Assert.That(form.Success, Is.True, "the page offers the button");
        var antiforgery = Regex.Match(form.Groups[2].Value, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, form.Groups[1].Value)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }),
        };
        if (page.Cookie is not null)
        {
            post.Headers.Add("Cookie", page.Cookie);
        }

        using var response = await Client.SendAsync(post);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/d/{issued.DownloadToken}#wallet-title"));
        var shown = await PageAsync(issued, lang);
        Assert.That(shown.Html, Does.Contain("data-wallet=\"offered\""));
        return shown.Html;
    }

    private static (string Link, string Pin) ShownOffer(string html) =>
        (Regex.Match(html, "href=\"(openid-credential-offer://[^\"]+)\" data-field=\"wallet_link\"").Groups[1].Value,
            Regex.Match(html, "data-field=\"wallet_pin\">([0-9]{6})<").Groups[1].Value);

    private async Task<string> CodeOfAsync(string link)
    {
        var offer = await GetJsonAsync(new Uri(Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..])).AbsolutePath);
        return (string)offer["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!;
    }
}
