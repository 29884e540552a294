using System.Collections.Concurrent;
using System.Net;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Records the status of every response that passes through a test client, to assert that none was a 5xx.</summary>
internal sealed class StatusRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Request, HttpStatusCode Status)> seen = new();

    public IReadOnlyList<(string Request, HttpStatusCode Status)> Seen => [.. seen];

    public IReadOnlyList<string> ServerErrors =>
        [.. seen.Where(s => (int)s.Status >= 500).Select(s => $"{s.Request} -> {(int)s.Status}")];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        seen.Enqueue(($"{request.Method} {request.RequestUri?.PathAndQuery}", response.StatusCode));
        return response;
    }
}
