namespace MicroCredentials.Catalog;

/// <summary>One problem in a catalogue file: which entry, which element, what is wrong.</summary>
/// <param name="Entry">The micro-credential code (or <c>issuer</c>, or the file for JSON errors).</param>
/// <param name="Element">The element, e.g. <c>learningOutcomes</c> (EU Annex I 6).</param>
/// <param name="Message">A sentence a member of staff can act on (English, as <c>microcred catalog check</c> prints it).</param>
public sealed record CatalogError(string Entry, string Element, string Message)
{
    /// <summary>
    /// The message's resource key (<c>Catalogue.Check.*</c>), so the staff app shows the same message in Dutch, English or
    /// French; the <see cref="Arguments"/> fill its placeholders.
    /// </summary>
    public string Key { get; init; } = "Catalogue.Check.Other";

    /// <summary>The values of the message's placeholders, in order (for a per-language element the first is the language).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The language of a per-language element (<c>title</c> in <c>nl</c>), or null.</summary>
    public string? Language { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Entry}: {Element}: {Message}";
}
