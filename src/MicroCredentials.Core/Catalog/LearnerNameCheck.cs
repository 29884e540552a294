namespace MicroCredentials.Catalog;

/// <summary>The outcome of <see cref="LearnerName.Check"/>: the name to store, or why it is refused.</summary>
/// <param name="Name">The trimmed, NFC-normalised name, or <see langword="null"/> when refused.</param>
/// <param name="Problem">Why the name is refused (a sentence staff can act on), or <see langword="null"/>.</param>
public sealed record LearnerNameCheck(string? Name, string? Problem)
{
    /// <summary>Whether the name may be issued.</summary>
    public bool IsValid => Problem is null;
}
