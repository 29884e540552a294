namespace MicroCredentials.Host;

/// <summary>Bounds of the readiness check (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Status lists signed by one readiness probe: a probe runs every few seconds; the newest lists are the ones in use.</summary>
    public const int HealthStatusListsChecked = 4;

    /// <summary>Free disk space below which the host is not ready: SQLite, PDFs and logs need room to write (100 MiB).</summary>
    public const long HealthMinimumFreeBytes = 100L * 1024 * 1024;

    /// <summary>Time one readiness probe may take before it answers "not ready" (a load balancer waits a few seconds).</summary>
    public static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(5);
}
