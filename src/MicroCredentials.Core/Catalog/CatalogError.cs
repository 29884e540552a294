namespace MicroCredentials.Catalog;

/// <summary>One problem in a catalogue file: which entry, which element, what is wrong.</summary>
/// <param name="Entry">The micro-credential code (or <c>issuer</c>, or the file for JSON errors).</param>
/// <param name="Element">The element, e.g. <c>learningOutcomes</c> (EU Annex I 6).</param>
/// <param name="Message">A sentence a member of staff can act on.</param>
public sealed record CatalogError(string Entry, string Element, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Entry}: {Element}: {Message}";
}
