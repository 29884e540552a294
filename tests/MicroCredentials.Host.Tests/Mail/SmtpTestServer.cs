using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package): it keeps every message it accepts with the SMTP
/// session it came in, and answers as <see cref="Answer"/> says, so a test can make it say 451 once or 550 always.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.OrdinalIgnoreCase);

    private SmtpTestServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>
    /// The answer to a message for a recipient on its n-th attempt (1 for the first): null accepts it (250), else the
    /// reply code and text to refuse it with. Default: accept all.
    /// </summary>
    public Func<string, int, (int Code, string Text)?> Answer { get; set; } = (_, _) => null;

    /// <summary>How many times a message for this recipient was handed over (accepted or not).</summary>
    public int AttemptsFor(string recipient) => attempts.GetValueOrDefault(recipient);

    /// <summary>The messages accepted for one recipient.</summary>
    public IReadOnlyList<MimeMessage> For(string recipient) =>
        [.. Received.Where(r => r.Recipient.Equals(recipient, StringComparison.OrdinalIgnoreCase)).Select(r => r.Message)];

    public static SmtpTestServer Start()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpTestServer(port);
    }

    /// <summary>Host settings that send to this server (plain SMTP on loopback).</summary>
    public Dictionary<string, string?> Settings(int perMinute = 600, string tick = "00:00:00.2") => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Tls"] = "None",
        ["Mail:FromAddress"] = "microcredentials@nova-academy.be",
        ["Mail:MessagesPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Tick"] = tick,
        ["Mail:RetryBackoff"] = "00:00:01",
        ["Mail:RetryCount"] = "3",
        ["Mail:Timeout"] = "00:00:30",
    };

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        stop.Dispose();
    }

    /// <summary>One accepted message.</summary>
    internal sealed record ReceivedMail(Guid Session, string Recipient, MimeMessage Message);

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            foreach (var recipient in to)
            {
                var attempt = owner.attempts.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                if (owner.Answer(recipient, attempt) is { } refusal)
                {
                    return new SmtpResponse((SmtpReplyCode)refusal.Code, refusal.Text);
                }
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            foreach (var recipient in to)
            {
                owner.Received.Enqueue(new ReceivedMail(context.SessionId, recipient, message));
            }

            return SmtpResponse.Ok;
        }
    }
}
