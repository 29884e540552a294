using MicroCredentials.Data.Jobs;

namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>
/// Turns the progress of one batch job run (the runner reports the job's status as it starts, after every committed chunk
/// and at its end) into <see cref="ProductTelemetry"/>: jobs started, done, cancelled or failed; rows by outcome; rows
/// remaining. One instance per run; reports arrive one at a time (the runner's commit stage).
/// </summary>
internal sealed class BatchJobRunTelemetry : IProgress<BatchJobStatus>
{
    private BatchJobStatus? last;

    /// <inheritdoc />
    public void Report(BatchJobStatus value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (last is null)
        {
            ProductTelemetry.BatchJob("started");
        }
        else
        {
            ProductTelemetry.BatchRowsWorked("issued", value.Issued - last.Issued);
            ProductTelemetry.BatchRowsWorked("already_issued", value.AlreadyIssued - last.AlreadyIssued);
            ProductTelemetry.BatchRowsWorked("rejected", value.Rejected - last.Rejected);
        }

        switch (value.State)
        {
            case BatchJobState.Done:
                ProductTelemetry.BatchJob("done");
                ProductTelemetry.BatchRowsRemaining(value.Id, null);
                break;
            case BatchJobState.Cancelled:
                ProductTelemetry.BatchJob("cancelled");
                ProductTelemetry.BatchRowsRemaining(value.Id, null);
                break;
            default:
                ProductTelemetry.BatchRowsRemaining(value.Id, value.Remaining);
                break;
        }

        last = value;
    }

    /// <summary>The run returned: its job no longer counts towards the rows remaining on this host.</summary>
    public void Ended()
    {
        if (last is not null)
        {
            ProductTelemetry.BatchRowsRemaining(last.Id, null);
        }
    }

    /// <summary>The run failed (the worker retries after its poll interval).</summary>
    public void Failed()
    {
        ProductTelemetry.BatchJob("failed");
        Ended();
    }
}
