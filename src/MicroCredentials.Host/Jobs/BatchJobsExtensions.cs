using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Jobs;

namespace MicroCredentials.Host;

/// <summary>Registers durable batch jobs: options (section <c>Jobs</c>), the runner, the wake-up signal and the worker.</summary>
internal static class BatchJobsExtensions
{
    /// <summary>Adds the batch job worker; call after the issuer services are added.</summary>
    /// <exception cref="InvalidOperationException">The <c>Jobs</c> section is invalid.</exception>
    public static IServiceCollection AddBatchJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new BatchJobOptions();
        configuration.GetSection("Jobs").Bind(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<BatchJobSignal>();
        services.AddSingleton(sp => new BatchJobRunner(sp.GetRequiredService<IssuanceService>(), options));
        services.AddHostedService<BatchJobWorker>();
        return services;
    }
}
