namespace MicroCredentials.Host.Mail;

/// <summary>
/// The host's mail worker (only when <c>Mail:Host</c> is set): one <see cref="MailDelivery"/> tick every
/// <see cref="MailOptions.TickInterval"/>, so a host sends at most <see cref="MailOptions.MessagesPerMinute"/>. Queued
/// messages are in the database, so a restarted host goes on where the last one stopped; on PostgreSQL the hosts share them.
/// </summary>
internal sealed partial class MailWorker(MailDelivery delivery, MailOptions options, TimeProvider time, ILogger<MailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.RunTickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing tick (database briefly away) must not stop the worker or the host: log it, try again next tick.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.TickInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail tick failed; trying again next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
