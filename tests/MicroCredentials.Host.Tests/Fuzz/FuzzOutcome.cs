namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>What one case got: status (0 = no answer in time), time, whether it was called verified, and why not allowed.</summary>
internal sealed record FuzzOutcome(FuzzCase Case, int Status, double Milliseconds, bool Verified)
{
    /// <summary>Verified although the oracle says it is not the genuine credential.</summary>
    public bool FalseValid { get; init; }

    /// <summary>Verified and the oracle found it equivalent (an RDF-identical rewrite, the same JWT bytes, …).</summary>
    public bool EquivalentValid { get; init; }

    /// <summary>An untouched genuine artefact that was not verified.</summary>
    public bool GenuineRejected { get; init; }

    /// <summary>For a 5xx or no answer: the first error the host logged; otherwise the verdict or a note.</summary>
    public string Detail { get; init; } = "";

    /// <summary>For an answer over the bound: the fastest of its replays alone (<see cref="FuzzGateTests.SlowReplays"/>).</summary>
    public double? ReplayMilliseconds { get; init; }

    /// <summary>Over the bound in the run and in every replay: a slow path of the input, not a pause from outside it.</summary>
    public bool Slow => Milliseconds > FuzzGateTests.MaxMilliseconds && (ReplayMilliseconds ?? Milliseconds) > FuzzGateTests.MaxMilliseconds;

    /// <summary>Over the bound in the run, within it when replayed alone.</summary>
    public bool SlowOnce => Milliseconds > FuzzGateTests.MaxMilliseconds && !Slow;

    public bool Failed => Status >= 500 || Status == 0 || Slow || FalseValid || GenuineRejected;
}
