using System.Net;
using System.Text.RegularExpressions;

namespace MicroCredentials.Host.Tests.Wallet;

public sealed partial class WalletFlowTests
{
    [TestCase("en", "Add to your wallet")]
    [TestCase("nl", "Toevoegen aan je wallet")]
    [TestCase("fr", "Ajouter à votre portefeuille")]
    public async Task DownloadPage_WalletSection_QrCodeIsTheLinkAndThePinRedeemsIt(string lang, string title)
    {
        var issued = await IssueAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/d/" + issued.DownloadToken);
        request.Headers.AcceptLanguage.ParseAdd(lang);
        using var response = await Client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(html, Does.Contain(title));
        var link = Regex.Match(html, "href=\"(openid-credential-offer://[^\"]+)\" data-field=\"wallet_link\"").Groups[1].Value;
        var pin = Regex.Match(html, "data-field=\"wallet_pin\">([0-9]{6})<").Groups[1].Value;
        var qr = Regex.Match(html, "src=\"data:image/png;base64,([^\"]+)\"[^>]*data-field=\"wallet_qr\"").Groups[1].Value;
        Assert.That(link, Does.StartWith("openid-credential-offer://?credential_offer_uri="));
        Assert.That(pin, Has.Length.EqualTo(6));
        Assert.That(MicroCredentials.Host.Components.Pages.Verify.QrImageReader.TryRead(Convert.FromBase64String(qr)), Is.EqualTo(link));

        var offerUri = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        var offer = await GetJsonAsync(new Uri(offerUri).AbsolutePath);
        var code = (string)offer["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!;
        using var token = await TokenResponseAsync(code, pin);
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
