using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// A real RFC 3161 time-stamping authority on loopback for tests: a small HTTP/1.1 server on a <see cref="TcpListener"/>
/// that decodes each <c>TimeStampReq</c>, builds a <c>TSTInfo</c> for its imprint and nonce and signs it (CMS
/// SignedData, SHA-256, ESS signing-certificate-v2) with a TSA certificate carrying the critical <c>id-kp-timeStamping</c>
/// EKU, issued by its own test CA. <see cref="Behaviour"/> switches it to the failures a real TSA can show (refusal,
/// garbage, an endless answer, silence, a token for other data). One source file, compiled into the test projects
/// that need a TSA.
/// </summary>
public sealed class TimeStampTestServer : IDisposable
{
    /// <summary>What the server answers.</summary>
    public enum Mode
    {
        /// <summary>A valid time-stamp response.</summary>
        Good,

        /// <summary>PKIStatus rejection (2), no token.</summary>
        Rejection,

        /// <summary>HTTP 200 with <see cref="GarbageLength"/> bytes that are not DER.</summary>
        Garbage,

        /// <summary>HTTP 200 streaming 50 MB without a Content-Length.</summary>
        Huge,

        /// <summary>Reads the request and never answers (until disposed).</summary>
        Silent,

        /// <summary>HTTP 503.</summary>
        Unavailable,

        /// <summary>A correctly signed token over another imprint.</summary>
        WrongImprint,

        /// <summary>A token whose signature value has one bit flipped.</summary>
        BadSignature,

        /// <summary>Status granted, followed by a DER value that is not a CMS ContentInfo.</summary>
        GrantedNoToken,
    }

    /// <summary>The policy OID written in every token (a private test arc).</summary>
    public const string PolicyOid = "1.3.6.1.4.1.55555.1.1";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _serial;
    private int _requests;

    /// <summary>Starts the server on a free loopback port.</summary>
    /// <param name="time">The time written into tokens (genTime).</param>
    public TimeStampTestServer(DateTimeOffset time)
    {
        Time = time;
        (CaCertificate, TsaCertificate) = CreateCertificates(time);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/tsa";
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The URL to POST requests to.</summary>
    public string Url { get; }

    /// <summary>The time written into tokens.</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>What the server answers next; default <see cref="Mode.Good"/>.</summary>
    public Mode Behaviour { get; set; } = Mode.Good;

    /// <summary>Bytes of a <see cref="Mode.Garbage"/> answer; default 30.</summary>
    public int GarbageLength { get; set; } = 30;

    /// <summary>The test CA that issued <see cref="TsaCertificate"/>.</summary>
    public X509Certificate2 CaCertificate { get; }

    /// <summary>The TSA's signing certificate (with private key).</summary>
    public X509Certificate2 TsaCertificate { get; }

    /// <summary>The last unexpected error while answering (a bug in this server), for test messages.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A URL on which nothing listens (a TSA that is down): a port just bound and released.</summary>
    public static string DownUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/tsa";
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var body = await ReadRequestAsync(stream, _stop.Token);
                Interlocked.Increment(ref _requests);
                await AnswerAsync(stream, body, Behaviour, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
            catch (Exception e)
            {
                // A bug in this server: kept for the test's message, the connection is closed.
                LastError = e;
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, byte[] body, Mode mode, CancellationToken ct)
    {
        switch (mode)
        {
            case Mode.Silent:
                await Task.Delay(Timeout.Infinite, ct);
                return;
            case Mode.Unavailable:
                await WriteAsync(stream, 503, "text/plain", "busy"u8.ToArray(), ct);
                return;
            case Mode.Garbage:
                await WriteAsync(stream, 200, "application/timestamp-reply", Enumerable.Repeat((byte)'x', GarbageLength).ToArray(), ct);
                return;
            case Mode.Huge:
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nConnection: close\r\n\r\n"), ct);
                var chunk = new byte[64 * 1024];
                for (var sent = 0L; sent < 50L * 1024 * 1024; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk, ct);
                }
                return;
            case Mode.GrantedNoToken:
                await WriteAsync(stream, 200, "application/timestamp-reply", Response(0, [0x30, 0x03, 0x02, 0x01, 0x05]), ct);
                return;
            case Mode.Rejection:
                await WriteAsync(stream, 200, "application/timestamp-reply", Response(status: 2, token: null), ct);
                return;
            default:
                if (!Rfc3161TimestampRequest.TryDecode(body, out var request, out _))
                {
                    await WriteAsync(stream, 200, "application/timestamp-reply", Response(status: 2, token: null), ct);
                    return;
                }
                await WriteAsync(stream, 200, "application/timestamp-reply", Response(0, Token(request, mode)), ct);
                return;
        }
    }

    /// <summary>Issues a token for <paramref name="request"/> as the server would (also usable without HTTP).</summary>
    public byte[] Token(Rfc3161TimestampRequest request, Mode mode = Mode.Good)
    {
        var hash = request.GetMessageHash().ToArray();
        if (mode == Mode.WrongImprint)
        {
            hash[0] ^= 0xFF;
        }
        var serial = new System.Numerics.BigInteger(Interlocked.Increment(ref _serial) + 1000).ToByteArray(isUnsigned: false, isBigEndian: true);
        var info = new Rfc3161TimestampTokenInfo(new Oid(PolicyOid), request.HashAlgorithmId, hash, serial, Time,
            nonce: request.GetNonce(), isOrdering: false);
        var cms = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, TsaCertificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = request.RequestSignerCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        signer.SignedAttributes.Add(SigningCertificateV2(TsaCertificate));
        cms.ComputeSignature(signer, silent: true);
        var encoded = cms.Encode();
        if (mode == Mode.BadSignature)
        {
            var signature = cms.SignerInfos[0].GetSignature();
            var at = encoded.AsSpan().IndexOf(signature);
            encoded[at + signature.Length / 2] ^= 0x01;
        }
        return encoded;
    }

    private static byte[] Response(int status, byte[]? token)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(status);
            }
            if (token is not null)
            {
                writer.WriteEncodedValue(token);
            }
        }
        return writer.Encode();
    }

    // ESS signing-certificate-v2 (RFC 5035): SEQUENCE { SEQUENCE OF ESSCertIDv2 { certHash } } with SHA-256 by default.
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }
        return new AsnEncodedData("1.2.840.113549.1.9.16.2.47", writer.Encode());
    }

    private static (X509Certificate2 Ca, X509Certificate2 Tsa) CreateCertificates(DateTimeOffset time)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=MicroCredentials Test TSA CA, O=Tests", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(time.AddYears(-1), time.AddYears(20));

        using var tsaKey = RSA.Create(2048);
        var tsaRequest = new CertificateRequest("CN=MicroCredentials Test TSA, O=Tests", tsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        tsaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        tsaRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        tsaRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        tsaRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = tsaRequest.Create(ca, time.AddYears(-1), time.AddYears(10), serial);
        return (ca, issued.CopyWithPrivateKey(tsaKey));
    }

    private static async Task<byte[]> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, ct) == 0 || head.Count > 16 * 1024)
            {
                throw new IOException("incomplete request head");
            }
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[Math.Min(length, 64 * 1024)];
        await stream.ReadExactlyAsync(body, ct);
        return body;
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string type, byte[] body, CancellationToken ct)
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.WriteAsync(body, ct);
    }

    /// <summary>Stops the server; silent answers end.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ended by cancellation.
        }
        _stop.Dispose();
        CaCertificate.Dispose();
        TsaCertificate.Dispose();
    }
}
