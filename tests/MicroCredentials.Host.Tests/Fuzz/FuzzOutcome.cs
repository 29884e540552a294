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

    public bool Slow => Milliseconds > FuzzGateTests.MaxMilliseconds;

    public bool Failed => Status >= 500 || Status == 0 || Slow || FalseValid || GenuineRejected;
}
