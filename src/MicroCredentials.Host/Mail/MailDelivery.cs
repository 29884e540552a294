using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Infrastructure.Telemetry;
using MimeKit;

namespace MicroCredentials.Host.Mail;

/// <summary>
/// One tick of the mail worker: claims at most <see cref="MailOptions.MessagesPerTick"/> due messages, sends them over one
/// SMTP connection and records each outcome (sent; a 4xx or connection problem queued again with backoff; a 5xx or the
/// last retry failed, with the server's answer). An outcome is recorded even while the host stops, and a message is
/// never cancelled half-way, so one recorded as sent is never sent again.
/// </summary>
internal sealed partial class MailDelivery(CredentialStore store, IssuanceService issuance, MicroCredentialCatalog catalog, MailComposer composer,
    MailOptions options, TimeProvider time, ILogger<MailDelivery> logger)
{
    private readonly string workerId = $"{Environment.MachineName}-{Guid.CreateVersion7(time.GetUtcNow()):N}";

    /// <summary>Sends the due messages of one tick.</summary>
    /// <param name="stoppingToken">The host is stopping: messages not yet handed over are given back to the queue.</param>
    /// <returns>How many were sent.</returns>
    public async Task<int> RunTickAsync(CancellationToken stoppingToken)
    {
        // A claim outlives the slowest tick (connect, then MAIL, RCPT and DATA per message, each within the timeout).
        var lease = options.Timeout * (3 * options.MessagesPerTick + 3);
        var claimed = await store.ClaimDueMailAsync(workerId, options.MessagesPerTick, lease, stoppingToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        try
        {
            return await SendClaimedAsync(claimed, stoppingToken);
        }
        catch
        {
            // A bug or the database gone mid-tick: the messages not recorded go back to the queue at once, not after the lease.
            await store.ReleaseMailClaimsAsync(workerId, CancellationToken.None);
            throw;
        }
    }

    private async Task<int> SendClaimedAsync(IReadOnlyList<MailMessageRecord> claimed, CancellationToken stoppingToken)
    {
        var sent = 0;
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var connectProblem = await ConnectAsync(client);
        foreach (var message in claimed)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await store.ReleaseMailClaimsAsync(workerId, CancellationToken.None);
                break;
            }

            if (connectProblem is null && !client.IsConnected)
            {
                connectProblem = await ConnectAsync(client);
            }

            var (attempt, answer) = connectProblem is { } problem ? (MailAttempt.Retry, problem) : await SendAsync(client, message);
            if (attempt == MailAttempt.Retry && message.Attempts >= options.RetryCount)
            {
                (attempt, answer) = (MailAttempt.Failed, $"{answer} (gave up after {message.Attempts + 1} attempts)");
            }

            DateTimeOffset? retryAt = attempt == MailAttempt.Retry ? time.GetUtcNow() + options.BackoffAfter(message.Attempts + 1) : null;
            var recorded = await store.RecordMailAttemptAsync(message.Id, workerId, attempt, answer, retryAt, CancellationToken.None);
            if (recorded && attempt == MailAttempt.Sent)
            {
                MessageSent(message);
                sent++;
            }
            else if (recorded && attempt == MailAttempt.Failed)
            {
                ProductTelemetry.EmailFailed();
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (IsTransient(e))
            {
                LogQuitFailed(logger, e.Message);
            }
        }

        return sent;
    }

    /// <summary>The one place a message counts as sent: logged and counted (<c>microcred.emails</c>).</summary>
    private void MessageSent(MailMessageRecord message)
    {
        LogSent(logger, message.Id, message.JobId, message.Language);
        ProductTelemetry.EmailSent();
    }

    // Connects and authenticates; null, or the problem that makes every message of the tick a retry.
    private async Task<string?> ConnectAsync(SmtpClient client)
    {
        var secure = options.Tls switch
        {
            MailTlsMode.None => SecureSocketOptions.None,
            MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        try
        {
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Mail:Host is not set."), options.EffectivePort, secure, CancellationToken.None);
            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, CancellationToken.None);
            }

            return null;
        }
        catch (SmtpCommandException e)
        {
            return $"{(int)e.StatusCode} {e.Message}";
        }
        catch (Exception e) when (IsTransient(e))
        {
            LogConnectFailed(logger, options.Host!, e.Message);
            return $"connection to {options.Host}:{options.EffectivePort} failed: {e.Message}";
        }
    }

    private async Task<(MailAttempt Attempt, string Answer)> SendAsync(SmtpClient client, MailMessageRecord message)
    {
        try
        {
            var stored = await store.FindByIdAsync(message.CredentialId, CancellationToken.None);
            var verification = issuance.Options.VerificationUrl(stored?.Handle ?? message.CredentialId);
            var content = composer.Content(message, catalog, issuance.DownloadUrlFor(message.CredentialId), verification);
            var mime = await composer.ComposeAsync(message, content, catalog);
            // Not cancelled by the host's stop: a message half handed over could be delivered without us knowing.
            var answer = await client.SendAsync(mime, CancellationToken.None);
            return (MailAttempt.Sent, answer);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            return (code >= 500 ? MailAttempt.Failed : MailAttempt.Retry, $"{code} {e.Message}");
        }
        catch (ParseException)
        {
            return (MailAttempt.Failed, "the stored address is not an e-mail address");
        }
        catch (Exception e) when (IsTransient(e))
        {
            return (MailAttempt.Retry, e.Message);
        }
    }

    // Connection-level problems: worth another try later.
    private static bool IsTransient(Exception e) => e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
        or SslHandshakeException or TimeoutException or OperationCanceledException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        or AuthenticationException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {MessageId} of job {JobId} sent ({Language}).")]
    private static partial void LogSent(ILogger logger, long messageId, string jobId, string language);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the SMTP server {Host}: {Problem}")]
    private static partial void LogConnectFailed(ILogger logger, string host, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QUIT to the SMTP server failed: {Problem}")]
    private static partial void LogQuitFailed(ILogger logger, string problem);
}
