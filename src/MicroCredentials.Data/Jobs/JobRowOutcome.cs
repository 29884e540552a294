namespace MicroCredentials.Data.Jobs;

/// <summary>What became of a claimed row, to be written with (or instead of) its credential.</summary>
/// <param name="Line">The row's CSV line.</param>
/// <param name="State">One of <see cref="JobRowStates"/>' done states.</param>
/// <param name="Record">The credential to insert (issued rows only).</param>
/// <param name="EmailHash">The learner's e-mail hash (issued rows only; upserted in the same transaction).</param>
/// <param name="Name">The learner's name.</param>
/// <param name="CredentialId">The existing credential (already issued rows).</param>
/// <param name="Reason">Why it was rejected.</param>
internal sealed record JobRowOutcome(int Line, string State, IssuedCredentialRecord? Record, string? EmailHash, string? Name, string? CredentialId, string? Reason);
