namespace MicroCredentials.Host.Catalogue;

/// <summary>Keeps <see cref="CatalogueState"/> in step with saves made on other hosts sharing the database.</summary>
internal sealed partial class CatalogueRefresher(CatalogueState state, TimeProvider time, ILogger<CatalogueRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HostLimits.CatalogueRefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await state.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue could not be re-read from the database; the one in force stays.")]
    private partial void LogRefreshFailed(Exception exception);
}
