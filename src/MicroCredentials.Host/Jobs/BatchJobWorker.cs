using MicroCredentials.Host.Catalogue;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Infrastructure.Telemetry;

namespace MicroCredentials.Host.Jobs;

/// <summary>
/// The host's background worker: runs stored batch jobs one after another, oldest first, and resumes the jobs of a
/// host that stopped or crashed (its expired claims are taken over). On PostgreSQL every host runs one; they share
/// the rows of a job.
/// </summary>
internal sealed partial class BatchJobWorker(BatchJobRunner runner, CatalogueState catalogue, BatchJobSignal signal, BatchJobOptions options,
    ILogger<BatchJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first database round trip.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var run = new BatchJobRunTelemetry();
            try
            {
                var ran = await runner.RunNextAsync(catalogue.Current, run, stoppingToken);
                run.Ended();
                if (ran is { } jobId)
                {
                    LogRan(logger, jobId);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping: rows in hand stay claimed and are taken over after their lease
            }
#pragma warning disable CA1031 // A failing job must not stop the worker (or the host): log it and try again after the poll interval.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                run.Failed();
                LogFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch job {JobId}: worked until no row was left to claim.")]
    private static partial void LogRan(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch job run failed; retrying after the poll interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
