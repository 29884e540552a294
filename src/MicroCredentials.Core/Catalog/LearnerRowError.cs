namespace MicroCredentials.Catalog;

/// <summary>A rejected CSV row: file, line, field and a reason staff can act on.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Field">The column, e.g. <c>email</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LearnerRowError(string File, int Line, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
