using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

public sealed class DidWebTests
{
    [TestCase("https://credentials.nova-academy.be", "did:web:credentials.nova-academy.be", TestName = "FromBaseUrl_BareHost")]
    [TestCase("https://credentials.nova-academy.be/", "did:web:credentials.nova-academy.be", TestName = "FromBaseUrl_TrailingSlash")]
    [TestCase("https://Credentials.Nova-Academy.BE", "did:web:credentials.nova-academy.be", TestName = "FromBaseUrl_UpperCaseHost_Lowered")]
    [TestCase("https://example.com:443/", "did:web:example.com", TestName = "FromBaseUrl_DefaultPort_Omitted")]
    [TestCase("https://example.com:8443", "did:web:example.com%3A8443", TestName = "FromBaseUrl_Port_PercentEncodedColon")]
    [TestCase("https://w3c-ccg.github.io/user/alice", "did:web:w3c-ccg.github.io:user:alice", TestName = "FromBaseUrl_Path_ColonSeparated")]
    [TestCase("https://example.com:3000/academy/credentials/", "did:web:example.com%3A3000:academy:credentials", TestName = "FromBaseUrl_PortAndPath")]
    [TestCase("http://localhost:5000", "did:web:localhost%3A5000", TestName = "FromBaseUrl_LocalHttp")]
    [TestCase("https://bücher.example", "did:web:xn--bcher-kva.example", TestName = "FromBaseUrl_Idn_Punycode")]
    public void FromBaseUrl_Table(string url, string expected)
    {
        Assert.That(DidWeb.FromBaseUrl(new Uri(url)), Is.EqualTo(expected));
    }

    [TestCase("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json", TestName = "ToDidDocumentUrl_BareHost_WellKnown")]
    [TestCase("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json", TestName = "ToDidDocumentUrl_Path")]
    [TestCase("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json", TestName = "ToDidDocumentUrl_PortAndPath")]
    [TestCase("did:web:credentials.nova-academy.be", "https://credentials.nova-academy.be/.well-known/did.json", TestName = "ToDidDocumentUrl_OurIssuer")]
    public void ToDidDocumentUrl_Table(string did, string expected)
    {
        Assert.That(DidWeb.ToDidDocumentUrl(did).AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("https://example.com:8443/a/b")]
    [TestCase("https://credentials.nova-academy.be")]
    public void FromBaseUrl_ThenToDidDocumentUrl_PointsUnderBaseUrl(string url)
    {
        var documentUrl = DidWeb.ToDidDocumentUrl(DidWeb.FromBaseUrl(new Uri(url)));

        Assert.That(documentUrl.AbsoluteUri, Does.StartWith(url.TrimEnd('/') + "/"));
    }

    [TestCase("ftp://example.com")]
    [TestCase("https://example.com/?q=1")]
    [TestCase("https://example.com/#frag")]
    [TestCase("https://user:pw@example.com/")]
    public void FromBaseUrl_Unsuitable_Throws(string url)
    {
        Assert.That(() => DidWeb.FromBaseUrl(new Uri(url)), Throws.ArgumentException);
    }

    [Test]
    public void FromBaseUrl_Relative_Throws()
    {
        Assert.That(() => DidWeb.FromBaseUrl(new Uri("/academy", UriKind.Relative)), Throws.ArgumentException);
    }

    [TestCase("did:key:z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs")]
    [TestCase("did:web:")]
    [TestCase("did:web:example.com#key-1")]
    [TestCase("did:web:example.com::a")]
    [TestCase("https://example.com")]
    public void ToDidDocumentUrl_NotDidWeb_Throws(string did)
    {
        Assert.That(() => DidWeb.ToDidDocumentUrl(did), Throws.ArgumentException);
    }
}
