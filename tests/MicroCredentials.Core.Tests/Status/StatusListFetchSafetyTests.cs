using System.Net;
using System.Net.Sockets;
using MicroCredentials.Net;
using MicroCredentials.Status;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// SSRF guards of the status list fetch (issue 10 point 6): refused addresses are never connected to (a loopback
/// listener that must never be hit proves it), DNS answers are checked when connecting, redirects are re-checked,
/// every failure reads the same and is remembered briefly, and the inflated list is capped.
/// </summary>
public sealed class StatusListFetchSafetyTests
{
    private FakeTimeProvider time = null!;

    [SetUp]
    public void SetUp() => time = new FakeTimeProvider(StatusListFixtures.Start);

    /// <summary>A TCP listener on loopback that counts connections: the guard must keep it at zero.</summary>
    private sealed class Tripwire : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);

        public Tripwire() => listener.Start();

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public bool WasHit => listener.Pending();

        public void Dispose() => listener.Stop();
    }

    private StatusListClient Client(PublicHttpOptions fetching) => new(time, new StatusListClientOptions { Fetching = fetching });

    [TestCase("https://127.0.0.1:{0}/status/1", TestName = "GetAsync_LoopbackLiteral_RefusedWithoutConnecting")]
    [TestCase("https://2130706433:{0}/status/1", TestName = "GetAsync_DecimalLoopback_RefusedWithoutConnecting")]
    [TestCase("https://0x7f.1:{0}/status/1", TestName = "GetAsync_HexLoopback_RefusedWithoutConnecting")]
    [TestCase("https://0177.0.0.1:{0}/status/1", TestName = "GetAsync_OctalLoopback_RefusedWithoutConnecting")]
    [TestCase("https://[::1]:{0}/status/1", TestName = "GetAsync_V6Loopback_RefusedWithoutConnecting")]
    [TestCase("https://[::ffff:127.0.0.1]:{0}/status/1", TestName = "GetAsync_MappedLoopback_RefusedWithoutConnecting")]
    [TestCase("https://localhost:{0}/status/1", TestName = "GetAsync_Localhost_RefusedWithoutConnecting")]
    public async Task GetAsync_InternalUrl_RefusedWithoutConnecting(string template)
    {
        using var tripwire = new Tripwire();
        var fetching = new PublicHttpOptions { AllowedPorts = new HashSet<int> { 443, tripwire.Port } };

        var result = await Client(fetching).GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, tripwire.Port));

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
        Assert.That(result.Detail, Is.EqualTo(PublicHttp.FailureMessage));
        Assert.That(tripwire.WasHit, Is.False, "no connection may be made");
    }

    [TestCase("127.0.0.1", TestName = "GetAsync_NameResolvingToLoopback_RefusedWithoutConnecting")]
    [TestCase("10.0.0.1", TestName = "GetAsync_NameResolvingToPrivate_RefusedWithoutConnecting")]
    [TestCase("::ffff:127.0.0.1", TestName = "GetAsync_NameResolvingToMappedLoopback_RefusedWithoutConnecting")]
    [TestCase("169.254.169.254", TestName = "GetAsync_NameResolvingToMetadata_RefusedWithoutConnecting")]
    public async Task GetAsync_NameResolvingInside_RefusedAtConnect(string answer)
    {
        using var tripwire = new Tripwire();
        var resolved = 0;
        var fetching = new PublicHttpOptions
        {
            AllowedPorts = new HashSet<int> { tripwire.Port },
            Resolve = (_, _) => { Interlocked.Increment(ref resolved); return Task.FromResult(new[] { IPAddress.Parse(answer) }); },
        };

        var result = await Client(fetching).GetAsync($"https://status.rebind.test:{tripwire.Port}/status/1");

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
        Assert.That(result.Detail, Is.EqualTo(PublicHttp.FailureMessage));
        Assert.That(resolved, Is.EqualTo(1), "the name is resolved once, by the connect callback");
        Assert.That(tripwire.WasHit, Is.False);
    }

    [Test]
    public async Task GetAsync_NameResolvingToPublicAndLoopback_Refused()
    {
        using var tripwire = new Tripwire();
        var fetching = new PublicHttpOptions
        {
            AllowedPorts = new HashSet<int> { tripwire.Port },
            Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Parse("8.8.8.8"), IPAddress.Loopback }),
        };

        var result = await Client(fetching).GetAsync($"https://status.rebind.test:{tripwire.Port}/status/1");

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
        Assert.That(tripwire.WasHit, Is.False);
    }

    [Test]
    public async Task GetAsync_ResolvedAddress_IsTheOneConnectedTo()
    {
        // "status.rebind.test" exists in no DNS: the fetch can only succeed by connecting to the address our resolver checked.
        await using var server = new LocalHttpServer(r => ServedResponse.Json(StatusListFixtures.SignedList(
            "https://x.example/status/1", StatusPurpose.Revocation, new Bitstring(), TimeSpan.FromMinutes(1)).ToJsonString()));
        var port = new Uri(server.BaseUrl).Port;
        var fetching = new PublicHttpOptions
        {
            UnsafeAllowLoopbackForTesting = true,
            Resolve = (host, _) => Task.FromResult(host == "status.rebind.test" ? new[] { IPAddress.Loopback } : []),
        };

        var result = await Client(fetching).GetAsync($"http://status.rebind.test:{port}/status/1");

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(server.Requests.Single().Headers["Host"], Is.EqualTo($"status.rebind.test:{port}"));
    }

    [Test]
    public async Task GetAsync_ClosedPortOpenPortAndRefusedAddress_SameMessage()
    {
        string closed;
        await using (var gone = new LocalHttpServer(r => new ServedResponse(404, [])))
        {
            closed = gone.BaseUrl + "/status/1";
        }

        await using var open = new LocalHttpServer(r => new ServedResponse(500, []));
        var client = Client(PublicHttpOptions.LoopbackForTesting);

        var results = new[]
        {
            await client.GetAsync(closed),
            await client.GetAsync(open.BaseUrl + "/status/1"),
            await client.GetAsync("http://10.0.0.1:8080/status/1"),
        };

        Assert.That(results.Select(r => r.Failure), Is.EqualTo(new[]
        {
            StatusListFetchFailure.Unreachable, StatusListFetchFailure.HttpStatus, StatusListFetchFailure.AddressRefused,
        }));
        Assert.That(results.Select(r => r.Detail), Is.All.EqualTo(PublicHttp.FailureMessage));
    }

    [Test]
    public async Task GetAsync_FailedRecently_RememberedUntilTheFailureTtlPasses()
    {
        await using var server = new LocalHttpServer(r => new ServedResponse(503, []));
        var client = Client(PublicHttpOptions.LoopbackForTesting);
        var url = server.BaseUrl + "/status/1";

        var first = await client.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(CoreLimits.FetchFailureCacheSeconds - 1));
        var second = await client.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(1));
        var third = await client.GetAsync(url);

        Assert.That(first.Failure, Is.EqualTo(StatusListFetchFailure.HttpStatus));
        Assert.That(second.Failure, Is.EqualTo(StatusListFetchFailure.HttpStatus));
        Assert.That(second.FromCache, Is.True);
        Assert.That(third.FromCache, Is.False);
        Assert.That(server.Requests, Has.Count.EqualTo(2), "one request per failure TTL");
    }

    [Test]
    public async Task GetAsync_RefusedAddress_RememberedToo()
    {
        var resolved = 0;
        var fetching = new PublicHttpOptions
        {
            Resolve = (_, _) => { Interlocked.Increment(ref resolved); return Task.FromResult(new[] { IPAddress.Loopback }); },
        };
        var client = Client(fetching);

        await client.GetAsync("https://status.rebind.test/status/1");
        var again = await client.GetAsync("https://status.rebind.test/status/1");

        Assert.That(again.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
        Assert.That(resolved, Is.EqualTo(1));
    }

    [Test]
    public async Task GetAsync_RedirectToPrivateAddress_Refused()
    {
        await using var server = new LocalHttpServer(r => new ServedResponse(302, []) { Headers = new Dictionary<string, string> { ["Location"] = "http://192.168.1.1/status/1" } });

        var result = await Client(PublicHttpOptions.LoopbackForTesting).GetAsync(server.BaseUrl + "/status/1");

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
        Assert.That(result.Detail, Is.EqualTo(PublicHttp.FailureMessage));
    }

    [Test]
    public async Task GetAsync_RedirectsUpToTheLimit_FollowedAndOnePast_Refused()
    {
        var list = StatusListFixtures.SignedList("https://x.example/status/1", StatusPurpose.Revocation, new Bitstring(), TimeSpan.FromMinutes(1)).ToJsonString();
        await using var server = new LocalHttpServer(r =>
        {
            // /hop/N redirects to /hop/N-1; /hop/0 serves the list.
            var n = int.Parse(r.Path["/hop/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return n == 0 ? ServedResponse.Json(list)
                : new ServedResponse(307, []) { Headers = new Dictionary<string, string> { ["Location"] = $"/hop/{n - 1}" } };
        });
        var client = Client(PublicHttpOptions.LoopbackForTesting);

        var atLimit = await client.GetAsync($"{server.BaseUrl}/hop/{CoreLimits.FetchMaxRedirects}");
        var onePast = await client.GetAsync($"{server.BaseUrl}/hop/{CoreLimits.FetchMaxRedirects + 1}");

        Assert.That(atLimit.Succeeded, Is.True, atLimit.Detail);
        Assert.That(onePast.Failure, Is.EqualTo(StatusListFetchFailure.AddressRefused));
    }

    [Test]
    public void Decode_OneBytePastTheInflateCap_TooLarge()
    {
        var atCap = Bitstring.Decode(BitstringTests.Gzip(new byte[CoreLimits.StatusListInflatedBytes]));
        var onePast = Bitstring.Decode(BitstringTests.Gzip(new byte[CoreLimits.StatusListInflatedBytes + 1]));

        Assert.That(atCap.Succeeded, Is.True, atCap.Detail);
        Assert.That(onePast.Failure, Is.EqualTo(BitstringDecodeFailure.TooLarge));
    }
}
