using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>A request as the test server saw it.</summary>
internal sealed record ServedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the test server answers.</summary>
internal sealed record ServedResponse(int Status, byte[] Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Send no Content-Length: the body ends when the connection closes (forces streaming limits).</summary>
    public bool OmitContentLength { get; init; }

    public static ServedResponse Json(string json, params (string Name, string Value)[] headers) =>
        new(200, System.Text.Encoding.UTF8.GetBytes(json)) { Headers = headers.ToDictionary(h => h.Name, h => h.Value) };
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (a TcpListener, one request per connection) so the client under test goes through
/// its real HttpClient stack: sockets, headers, content length, timeouts.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<ServedRequest, CancellationToken, Task<ServedResponse>> handler;
    private readonly Task acceptLoop;

    public LocalHttpServer(Func<ServedRequest, CancellationToken, Task<ServedResponse>> handler)
    {
        this.handler = handler;
        listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        acceptLoop = AcceptAsync();
    }

    public LocalHttpServer(Func<ServedRequest, ServedResponse> handler)
        : this((request, _) => Task.FromResult(handler(request)))
    {
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    /// <summary>Completes when the next request has been read (reset by the test when needed).</summary>
    public TaskCompletionSource RequestArrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            Requests.Enqueue(request);
            RequestArrived.TrySetResult();
            var response = await handler(request, stopping.Token);
            var head = new StringBuilder($"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n");
            foreach (var (name, value) in response.Headers)
            {
                head.Append($"{name}: {value}\r\n");
            }

            if (!response.OmitContentLength)
            {
                head.Append($"Content-Length: {response.Body.Length}\r\n");
            }

            head.Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
            await stream.WriteAsync(response.Body, stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
    }

    private static async Task<ServedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65_536 && !(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            buffer.Add(one[0]);
        }

        var lines = System.Text.Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new ServedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers);
    }
}
