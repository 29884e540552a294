namespace MicroCredentials.Host.Jobs;

/// <summary>Wakes this host's batch worker when a job is stored here (other hosts find it on their next poll).</summary>
internal sealed class BatchJobSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Tells the worker there is work.</summary>
    public void Wake()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => semaphore.WaitAsync(pollInterval, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => semaphore.Dispose();
}
