namespace MicroCredentials.Data.Jobs;

/// <summary>One stored row of a batch job, as its results are read.</summary>
/// <param name="Line">The CSV line.</param>
/// <param name="State">pending, claimed, issued, already_issued or rejected.</param>
/// <param name="Name">The learner's name (good rows).</param>
/// <param name="Code">The micro-credential code (good rows).</param>
/// <param name="Reason">Why the row was rejected.</param>
/// <param name="CredentialId">The credential issued (or found already issued) for it.</param>
public sealed record BatchJobRow(int Line, string State, string? Name, string? Code, string? Reason, string? CredentialId);
