namespace MicroCredentials.Data;

/// <summary>The outcome of a catalogue save, the revision in force afterwards, and for an import the codes concerned.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Revision">The revision in force (of the entry or issuer block saved); 0 for an import.</param>
/// <param name="Codes">For an import: the codes saved (or, when refused, the codes whose issued version differs).</param>
public sealed record CatalogueEditResult(CatalogueEditOutcome Outcome, int Revision, IReadOnlyList<string> Codes);
