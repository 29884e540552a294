using System.ComponentModel.DataAnnotations;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>Configuration section <c>Health</c>: what readiness (<c>/healthz/ready</c>) asks for.</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Health";

    /// <summary>
    /// Free disk space, in bytes, below which the host is not ready (the <c>disk_space</c> check) for the database's folder.
    /// Default <see cref="HostLimits.HealthMinimumFreeBytes"/> (100 MiB).
    /// </summary>
    [Range(0, long.MaxValue)] public long MinimumFreeBytes { get; set; } = HostLimits.HealthMinimumFreeBytes;
}
