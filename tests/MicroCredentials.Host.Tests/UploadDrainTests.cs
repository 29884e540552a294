using System.Net;
using System.Net.Http.Headers;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Over real TCP: an oversized upload is read to its end before the "too large" answer, so the client (a browser on a
/// phone, above all) receives that answer on a connection that stays usable; past HostLimits.UploadDrainMaxBytes the
/// answer closes the connection instead.
/// </summary>
public sealed class UploadDrainTests
{
    private const long MaxUpload = 5 * 1024 * 1024;

    [Test]
    public async Task OversizedUpload_IsAnswered413_AndTheSameConnectionServesTheNextRequest()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        using var client = factory.Client();

        using var content = new ByteArrayContent(new byte[MaxUpload + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var first = await client.PostAsync("/api/verify", content);
        using var second = await client.GetAsync("/.well-known/jwks.json");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(first.Headers.ConnectionClose, Is.Not.True, "the body was drained, so the connection is kept");
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("Upload too large"));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public async Task UploadPastTheDrainBound_IsAnswered413_WithConnectionClose()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        using var client = factory.Client();

        // Raw TCP: the client declares more than the bound and sends nothing, so only the declared length can decide.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/verify HTTP/1.1\r\nHost: {client.BaseAddress.Authority}\r\nContent-Type: application/pdf\r\n"
            + $"Content-Length: {HostLimits.UploadDrainMaxBytes + 1}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream);
        var status = await reader.ReadLineAsync();
        var headers = new List<string>();
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            headers.Add(line);
        }

        Assert.That(status, Does.StartWith("HTTP/1.1 413"));
        Assert.That(headers, Has.Some.Matches<string>(h => h.Equals("Connection: close", StringComparison.OrdinalIgnoreCase)));
        await factory.DisposeAndAssertNo5xxAsync();
    }
}
