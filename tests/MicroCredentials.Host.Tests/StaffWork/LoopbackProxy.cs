using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>
/// A real HTTP listener on a loopback port whose every request is passed, bytes unchanged, to the in-memory host (which
/// runs with the test sign-in scheme; a Kestrel-started HostFactory cannot be given one). The browser talks real HTTP.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackProxy(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>A free loopback port's address (for the host's public base URL before the proxy starts).</summary>
    public static string FreeAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    public static async Task<LoopbackProxy> StartAsync(string baseUrl, HttpClient target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, target));
        await app.StartAsync();
        return new LoopbackProxy(app, baseUrl);
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient target)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (body.Length > 0)
        {
            message.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await target.SendAsync(message);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
