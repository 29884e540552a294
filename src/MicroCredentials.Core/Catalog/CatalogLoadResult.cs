namespace MicroCredentials.Catalog;

/// <summary>The outcome of loading a catalogue: the catalogue when valid, else every error found.</summary>
public sealed record CatalogLoadResult
{
    /// <summary>The catalogue; null when <see cref="Errors"/> is not empty.</summary>
    public MicroCredentialCatalog? Catalog { get; init; }

    /// <summary>Every problem found (all entries are checked, not just the first).</summary>
    public IReadOnlyList<CatalogError> Errors { get; init; } = [];

    /// <summary>True when the catalogue loaded without errors.</summary>
    public bool Succeeded => Catalog is not null && Errors.Count == 0;
}
