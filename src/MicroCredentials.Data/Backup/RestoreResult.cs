namespace MicroCredentials.Data.Backup;

/// <summary>The outcome of <see cref="BackupRestore.RestoreAsync"/>, with a message naming what happened and what to do.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">One readable line.</param>
/// <param name="Written">The files written (empty unless <see cref="RestoreOutcome.Restored"/>).</param>
public sealed record RestoreResult(RestoreOutcome Outcome, string Message, IReadOnlyList<string> Written);
