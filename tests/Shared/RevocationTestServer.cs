using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using BcCrlGenerator = Org.BouncyCastle.X509.X509V2CrlGenerator;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// A small test PKI with its revocation services on loopback, for PAdES B-LT tests: a root CA (made with .NET's
/// <see cref="CertificateRequest"/>) that issues seal certificates whose CRL distribution point and OCSP Authority
/// Information Access URLs point at this server, and an HTTP/1.1 server on a <see cref="TcpListener"/> that answers
/// <c>GET /crl</c> with a real CRL (BouncyCastle <see cref="BcCrlGenerator"/>) and <c>POST /ocsp</c> with real OCSP
/// answers for the CertIDs asked (BouncyCastle <see cref="BasicOcspRespGenerator"/>), both signed by the root.
/// <see cref="OcspBehaviour"/> and <see cref="CrlBehaviour"/> switch each service to the failures a real one can show.
/// </summary>
public sealed class RevocationTestServer : IDisposable
{
    /// <summary>What a service answers.</summary>
    public enum Mode
    {
        /// <summary>A valid signed answer.</summary>
        Good,

        /// <summary>HTTP 503.</summary>
        Unavailable,

        /// <summary>HTTP 200 with <see cref="GarbageLength"/> bytes that are not DER.</summary>
        Garbage,

        /// <summary>HTTP 200 streaming 50 MB without a Content-Length.</summary>
        Huge,

        /// <summary>Reads the request and never answers (until disposed).</summary>
        Silent,

        /// <summary>A correctly encoded answer signed by another key.</summary>
        ForeignSignature,
    }

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly RSA _caKey;
    private readonly X509Certificate2 _rootWithKey;
    private readonly HashSet<string> _revokedSerials = [];
    private int _ocspRequests;
    private int _crlRequests;

    /// <summary>Starts the server on a free loopback port and creates the root CA.</summary>
    /// <param name="time">The time the answers are made at (thisUpdate, producedAt).</param>
    public RevocationTestServer(DateTimeOffset time)
    {
        Time = time;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _caKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=MicroCredentials Test Seal Root CA, O=Tests", _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _rootWithKey = request.CreateSelfSigned(time.AddYears(-2), time.AddYears(20));
        RootCertificate = X509CertificateLoader.LoadCertificate(_rootWithKey.RawData);
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:port of this server.</summary>
    public string BaseUrl { get; }

    /// <summary>The URL of the CRL.</summary>
    public string CrlUrl => BaseUrl + "/crl";

    /// <summary>The URL of the OCSP responder.</summary>
    public string OcspUrl => BaseUrl + "/ocsp";

    /// <summary>The time written into answers.</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The root CA (without its private key).</summary>
    public X509Certificate2 RootCertificate { get; }

    /// <summary>What the OCSP responder answers; default <see cref="Mode.Good"/>.</summary>
    public Mode OcspBehaviour { get; set; } = Mode.Good;

    /// <summary>What the CRL address answers; default <see cref="Mode.Good"/>.</summary>
    public Mode CrlBehaviour { get; set; } = Mode.Good;

    /// <summary>Bytes of a <see cref="Mode.Garbage"/> answer; default 30.</summary>
    public int GarbageLength { get; set; } = 30;

    /// <summary>The revocation time of a revoked certificate.</summary>
    public DateTimeOffset RevocationTime { get; set; }

    /// <summary>OCSP requests received so far.</summary>
    public int OcspRequests => Volatile.Read(ref _ocspRequests);

    /// <summary>CRL requests received so far.</summary>
    public int CrlRequests => Volatile.Read(ref _crlRequests);

    /// <summary>The last unexpected error while answering (a bug in this server), for test messages.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Issues a seal certificate (RSA 2048, with its private key) from the root, naming <paramref name="ocspUrls"/> in its
    /// Authority Information Access and <paramref name="crlUrls"/> as CRL distribution points (default: this server's).
    /// </summary>
    public X509Certificate2 IssueSeal(string name = "MicroCredentials Test Seal", IReadOnlyList<string>? ocspUrls = null,
        IReadOnlyList<string>? crlUrls = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(RootCertificate, true, false));
        var ocsp = ocspUrls ?? [OcspUrl];
        if (ocsp.Count > 0)
        {
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(ocsp, null));
        }
        var crl = crlUrls ?? [CrlUrl];
        if (crl.Count > 0)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(crl));
        }
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(_rootWithKey, Time.AddYears(-1), Time.AddYears(3), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Marks <paramref name="certificate"/> revoked at <see cref="RevocationTime"/> in the CRL and OCSP answers.</summary>
    public void Revoke(X509Certificate2 certificate)
    {
        lock (_revokedSerials)
        {
            _revokedSerials.Add(certificate.SerialNumber);
        }
    }

    /// <summary>The CRL as served now (DER).</summary>
    public byte[] Crl(bool foreign = false)
    {
        var generator = new BcCrlGenerator();
        generator.SetIssuerDN(Bc(RootCertificate).SubjectDN);
        generator.SetThisUpdate(Time.UtcDateTime);
        generator.SetNextUpdate(Time.AddDays(7).UtcDateTime);
        lock (_revokedSerials)
        {
            foreach (var serial in _revokedSerials)
            {
                generator.AddCrlEntry(new BigInteger(serial, 16), RevocationTime.UtcDateTime, CrlReason.KeyCompromise);
            }
        }
        return generator.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", SigningKey(foreign))).GetEncoded();
    }

    /// <summary>The OCSP answer to <paramref name="requestDer"/> (DER OCSPResponse).</summary>
    public byte[] Ocsp(byte[] requestDer, bool foreign = false)
    {
        var request = new OcspReq(requestDer);
        var generator = new BasicOcspRespGenerator(new RespID(Bc(RootCertificate).SubjectDN));
        foreach (var one in request.GetRequestList())
        {
            var id = one.GetCertID();
            bool revoked;
            lock (_revokedSerials)
            {
                revoked = _revokedSerials.Any(s => new BigInteger(s, 16).Equals(id.SerialNumber));
            }
            CertificateStatus status = revoked ? new RevokedStatus(RevocationTime.UtcDateTime, CrlReason.KeyCompromise) : CertificateStatus.Good;
            generator.AddResponse(id, status, Time.UtcDateTime, Time.AddDays(1).UtcDateTime, null);
        }
        var basic = generator.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", SigningKey(foreign)), null, Time.UtcDateTime);
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }

    private Org.BouncyCastle.Crypto.AsymmetricKeyParameter SigningKey(bool foreign)
    {
        if (!foreign)
        {
            return DotNetUtilities.GetRsaKeyPair(_caKey).Private;
        }
        using var other = RSA.Create(2048);
        return DotNetUtilities.GetRsaKeyPair(other).Private;
    }

    private static BcCertificate Bc(X509Certificate2 certificate) => new(certificate.RawData);

    /// <summary>A URL on which nothing listens (a server that is down): a port just bound and released.</summary>
    public static string DownUrl(string path)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}{path}";
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
                var (path, body) = await ReadRequestAsync(stream, _stop.Token);
                var isOcsp = path.StartsWith("/ocsp", StringComparison.Ordinal);
                Interlocked.Increment(ref isOcsp ? ref _ocspRequests : ref _crlRequests);
                var mode = isOcsp ? OcspBehaviour : CrlBehaviour;
                var type = isOcsp ? "application/ocsp-response" : "application/pkix-crl";
                switch (mode)
                {
                    case Mode.Silent:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    case Mode.Unavailable:
                        await WriteAsync(stream, 503, "text/plain", "busy"u8.ToArray(), _stop.Token);
                        return;
                    case Mode.Garbage:
                        await WriteAsync(stream, 200, type, Enumerable.Repeat((byte)'x', GarbageLength).ToArray(), _stop.Token);
                        return;
                    case Mode.Huge:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\nConnection: close\r\n\r\n"), _stop.Token);
                        var chunk = new byte[64 * 1024];
                        for (var sent = 0L; sent < 50L * 1024 * 1024; sent += chunk.Length)
                        {
                            await stream.WriteAsync(chunk, _stop.Token);
                        }
                        return;
                    default:
                        var foreign = mode == Mode.ForeignSignature;
                        await WriteAsync(stream, 200, type, isOcsp ? Ocsp(body, foreign) : Crl(foreign), _stop.Token);
                        return;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
            catch (Exception e)
            {
                LastError = e;
            }
        }
    }

    private static async Task<(string Path, byte[] Body)> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
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
        var path = lines[0].Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[Math.Min(length, 64 * 1024)];
        await stream.ReadExactlyAsync(body, ct);
        return (path, body);
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
        _caKey.Dispose();
        RootCertificate.Dispose();
        _rootWithKey.Dispose();
    }
}
