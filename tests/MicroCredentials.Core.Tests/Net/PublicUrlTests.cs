using MicroCredentials.Net;

namespace MicroCredentials.Core.Tests.Net;

/// <summary>URLs are read strictly before any connection: every trick spelling of an internal address is refused.</summary>
public sealed class PublicUrlTests
{
    [TestCase("https://2130706433/status/1", TestName = "Check_DecimalIp_Refused")]
    [TestCase("https://0x7f.1/status/1", TestName = "Check_HexShortIp_Refused")]
    [TestCase("https://0x7f000001/status/1", TestName = "Check_HexIp_Refused")]
    [TestCase("https://0177.0.0.1/status/1", TestName = "Check_OctalIp_Refused")]
    [TestCase("https://127.1/status/1", TestName = "Check_ShortIp_Refused")]
    [TestCase("https://8.8.8.08/status/1", TestName = "Check_LeadingZeroOctet_Refused")]
    [TestCase("https://127.0.0.1/status/1", TestName = "Check_LoopbackLiteral_Refused")]
    [TestCase("https://10.0.0.1/status/1", TestName = "Check_PrivateLiteral_Refused")]
    [TestCase("https://169.254.169.254/latest/meta-data/", TestName = "Check_CloudMetadata_Refused")]
    [TestCase("https://[::1]/status/1", TestName = "Check_V6Loopback_Refused")]
    [TestCase("https://[::ffff:127.0.0.1]/status/1", TestName = "Check_MappedLoopback_Refused")]
    [TestCase("https://[::ffff:7f00:1]/status/1", TestName = "Check_MappedLoopbackHex_Refused")]
    [TestCase("https://[fe80::1%25eth0]/status/1", TestName = "Check_ZoneId_Refused")]
    [TestCase("https://localhost/status/1", TestName = "Check_Localhost_Refused")]
    [TestCase("https://status.localhost/status/1", TestName = "Check_LocalhostSubdomain_Refused")]
    [TestCase("https://intranet/status/1", TestName = "Check_SingleLabelName_Refused")]
    [TestCase("https://example.org:8443/status/1", TestName = "Check_OtherPort_Refused")]
    [TestCase("https://example.org:0443/status/1", TestName = "Check_PortLeadingZero_Refused")]
    [TestCase("https://user@example.org/status/1", TestName = "Check_UserInfo_Refused")]
    [TestCase("https://example.org@127.0.0.1/status/1", TestName = "Check_UserInfoBeforeLoopback_Refused")]
    [TestCase("https://example.org\\@127.0.0.1/", TestName = "Check_Backslash_Refused")]
    [TestCase("http://example.org/status/1", TestName = "Check_PlainHttp_Refused")]
    [TestCase("ftp://example.org/status/1", TestName = "Check_Ftp_Refused")]
    [TestCase("https://exa_mple.org/status/1", TestName = "Check_Underscore_Refused")]
    [TestCase("https://-bad.example.org/", TestName = "Check_LabelStartsWithHyphen_Refused")]
    [TestCase("https://bücher.example/", TestName = "Check_NonAscii_Refused")]
    public void Check_TrickOrInternalUrl_Refused(string url)
    {
        var check = PublicUrl.Check(url, PublicHttpOptions.Default);

        Assert.That(check.Allowed, Is.False, url);
        Assert.That(check.Reason, Is.Not.Empty);
    }

    [TestCase("https://example.org/status/1", TestName = "Check_DnsName_Allowed")]
    [TestCase("https://Example.ORG:443/status/1?x=1#y", TestName = "Check_ExplicitPort443_Allowed")]
    [TestCase("https://8.8.8.8/status/1", TestName = "Check_PublicLiteral_Allowed")]
    [TestCase("https://[2606:4700:4700::1111]/status/1", TestName = "Check_PublicV6Literal_Allowed")]
    [TestCase("https://xn--bcher-kva.example/", TestName = "Check_Punycode_Allowed")]
    public void Check_PublicHttpsUrl_Allowed(string url) =>
        Assert.That(PublicUrl.Check(url, PublicHttpOptions.Default).Allowed, Is.True, PublicUrl.Check(url, PublicHttpOptions.Default).Reason);

    [Test]
    public void Check_UrlAtLengthLimit_AllowedAndOnePast_Refused()
    {
        const string Prefix = "https://example.org/";
        var atLimit = Prefix + new string('a', CoreLimits.FetchMaxUrlLength - Prefix.Length);

        Assert.That(PublicUrl.Check(atLimit, PublicHttpOptions.Default).Allowed, Is.True);
        Assert.That(PublicUrl.Check(atLimit + "a", PublicHttpOptions.Default).Allowed, Is.False);
    }

    [Test]
    public void Check_ConfiguredPort_Allowed()
    {
        var options = new PublicHttpOptions { AllowedPorts = new HashSet<int> { 443, 8443 } };

        Assert.That(PublicUrl.Check("https://example.org:8443/status/1", options).Allowed, Is.True);
    }

    [Test]
    public void Check_TestSwitch_AllowsLoopbackHttpOnAnyPortButNotPrivateOrTrickSpellings()
    {
        var options = PublicHttpOptions.LoopbackForTesting;

        Assert.That(PublicUrl.Check("http://127.0.0.1:5123/status/1", options).Allowed, Is.True);
        Assert.That(PublicUrl.Check("http://10.0.0.1:5123/status/1", options).Allowed, Is.False);
        Assert.That(PublicUrl.Check("http://2130706433:5123/status/1", options).Allowed, Is.False);
    }

    [TestCase("http://crl.example.org/ca.crl", TestName = "Check_Revocation_HttpOnPort80_Allowed")]
    [TestCase("http://crl.example.org:80/ca.crl", TestName = "Check_Revocation_ExplicitHttpPort80_Allowed")]
    [TestCase("https://ocsp.example.org/", TestName = "Check_Revocation_HttpsOnPort443_Allowed")]
    [TestCase("http://8.8.8.8/ca.crl", TestName = "Check_Revocation_PublicLiteralOverHttp_Allowed")]
    public void Check_RevocationPolicy_PublicHttpAndHttpsUrl_Allowed(string url) =>
        Assert.That(PublicUrl.Check(url, PublicHttpOptions.Revocation).Allowed, Is.True, PublicUrl.Check(url, PublicHttpOptions.Revocation).Reason);

    [TestCase("http://127.0.0.1/ca.crl", TestName = "Check_Revocation_LoopbackLiteral_Refused")]
    [TestCase("http://[::1]/ca.crl", TestName = "Check_Revocation_V6Loopback_Refused")]
    [TestCase("http://10.0.0.1/ca.crl", TestName = "Check_Revocation_PrivateLiteral_Refused")]
    [TestCase("http://192.168.1.1/ca.crl", TestName = "Check_Revocation_PrivateLiteral192_Refused")]
    [TestCase("http://169.254.169.254/latest/meta-data/", TestName = "Check_Revocation_CloudMetadata_Refused")]
    [TestCase("http://localhost/ca.crl", TestName = "Check_Revocation_Localhost_Refused")]
    [TestCase("http://2130706433/ca.crl", TestName = "Check_Revocation_DecimalIp_Refused")]
    [TestCase("http://crl.example.org:8080/ca.crl", TestName = "Check_Revocation_HttpOtherPort_Refused")]
    [TestCase("http://crl.example.org:443/ca.crl", TestName = "Check_Revocation_HttpOn443_Refused")]
    [TestCase("https://ocsp.example.org:80/", TestName = "Check_Revocation_HttpsOn80_Refused")]
    [TestCase("https://ocsp.example.org:8443/", TestName = "Check_Revocation_HttpsOtherPort_Refused")]
    [TestCase("ldap://ldap.example.org/cn=CA?certificateRevocationList", TestName = "Check_Revocation_Ldap_Refused")]
    [TestCase("ftp://crl.example.org/ca.crl", TestName = "Check_Revocation_Ftp_Refused")]
    [TestCase("http://user@crl.example.org/ca.crl", TestName = "Check_Revocation_UserInfo_Refused")]
    public void Check_RevocationPolicy_InternalOrOtherPortUrl_Refused(string url)
    {
        var check = PublicUrl.Check(url, PublicHttpOptions.Revocation);

        Assert.That(check.Allowed, Is.False, url);
        Assert.That(check.Reason, Is.Not.Empty);
    }

    [Test]
    public void Check_DefaultPolicy_StillRefusesHttpOnPort80() =>
        Assert.That(PublicUrl.Check("http://crl.example.org/ca.crl", PublicHttpOptions.Default).Reason, Is.EqualTo("not an absolute https URL"));

    [Test]
    public void RevocationPolicy_IsPublicOnly_HttpsOn443AndHttpOn80()
    {
        var policy = PublicHttpOptions.Revocation;

        Assert.That(policy.AllowedPorts, Is.EquivalentTo(new[] { 443 }));
        Assert.That(policy.PlainHttpPort, Is.EqualTo(80));
        Assert.That(policy.UnsafeAllowLoopbackForTesting, Is.False);
    }

    [Test]
    public void Fetch_RevocationPolicy_NameResolvingToLoopback_RefusedAtConnect()
    {
        // The URL passes (a public-looking name on http:80); the name resolves inside, so the connect is refused.
        var options = new PublicHttpOptions
        {
            AllowedPorts = PublicHttpOptions.Revocation.AllowedPorts,
            PlainHttpPort = PublicHttpOptions.Revocation.PlainHttpPort,
            Resolve = static (_, _) => Task.FromResult(new[] { System.Net.IPAddress.Loopback }),
        };
        Assert.That(PublicUrl.Check("http://crl.example.org/ca.crl", options).Allowed, Is.True);
        using var http = PublicHttp.CreateClient(options);

        var thrown = Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://crl.example.org/ca.crl")));

        Assert.That(PublicHttp.IsRefusal(thrown!), Is.True, thrown!.ToString());
        Assert.That(thrown.ToString(), Does.Contain("127.0.0.1, which is not a public address"));
    }

    [Test]
    public void Fetch_RevocationPolicy_OtherPort_RefusedAtConnect()
    {
        using var http = PublicHttp.CreateClient(PublicHttpOptions.Revocation);

        var thrown = Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://8.8.8.8:8080/ca.crl")));

        Assert.That(PublicHttp.IsRefusal(thrown!), Is.True, thrown!.ToString());
        Assert.That(thrown.ToString(), Does.Contain("port 8080 is not allowed"));
    }
}
