using MicroCredentials.Catalog;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The catalogue in force, read from the database (the source of truth), with the institution's logo decoded once. On the
/// first start of an empty database the catalogue file (<c>Issuer:CatalogPath</c>, default <c>samples/catalog.json</c>)
/// is imported, so the zero-configuration demo works. Every save through the staff app reloads it; other hosts see the
/// save within <see cref="HostLimits.CatalogueRefreshInterval"/> (<see cref="CatalogueRefresher"/>).
/// </summary>
internal sealed class CatalogueState
{
    private readonly CredentialStore store;
    private volatile Snapshot snapshot;

    private CatalogueState(CredentialStore store, Snapshot snapshot)
    {
        this.store = store;
        this.snapshot = snapshot;
    }

    /// <summary>The catalogue in force (what issuance, the pages and the wallet metadata read).</summary>
    public MicroCredentialCatalog Current => snapshot.Stored.Catalog;

    /// <summary>The catalogue with its revision numbers.</summary>
    public StoredCatalogue Stored => snapshot.Stored;

    /// <summary>The institution's logo, or null when the catalogue has none.</summary>
    public LogoImage? Logo => snapshot.Logo;

    /// <summary>The logo's address on this host (with its ETag as a version, so a new logo is a new address), or null.</summary>
    public string? LogoUrl => snapshot.Logo is { } logo ? $"{CatalogueLogoApi.Path}?v={logo.ETag.Trim('"')[..12]}" : null;

    /// <summary>Reads the catalogue from the database, importing <paramref name="catalogPath"/> first when the database holds none.</summary>
    /// <returns>The state, and whether this start imported the file.</returns>
    /// <exception cref="InvalidOperationException">The database holds no catalogue and the file is missing or not valid.</exception>
    public static async Task<(CatalogueState State, bool Imported)> OpenAsync(CredentialStore store, string catalogPath, CancellationToken cancellationToken)
    {
        var imported = false;
        if (await store.LoadCatalogueAsync(cancellationToken) is not { } stored)
        {
            var loaded = await CatalogLoader.LoadFileAsync(catalogPath, cancellationToken);
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException($"The catalogue {catalogPath} is not valid: {string.Join("; ", loaded.Errors)}");
            }

            var result = await store.ImportCatalogueAsync(loaded.Catalog!, Path.GetFileName(catalogPath), "host start-up (first-start import)", onlyIfEmpty: true,
                cancellationToken);
            imported = result.Outcome == CatalogueEditOutcome.Saved;
            stored = await store.LoadCatalogueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The catalogue import left the database without a catalogue.");
        }

        return (new CatalogueState(store, Snapshot.Of(stored)), imported);
    }

    /// <summary>Reads the catalogue in force again (after a save here or on another host).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (await store.LoadCatalogueAsync(cancellationToken) is { } stored)
        {
            snapshot = Snapshot.Of(stored);
        }
    }

    /// <summary>Reloads when the database's catalogue stamp differs from the one in force.</summary>
    public async Task RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        if (await store.CatalogueStampAsync(cancellationToken) != snapshot.Stored.Stamp)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    private sealed record Snapshot(StoredCatalogue Stored, LogoImage? Logo)
    {
        // A logo that no longer passes the check (bounds tightened since) is left out rather than served.
        public static Snapshot Of(StoredCatalogue stored) =>
            new(stored, stored.Catalog.Issuer.Logo is { } uri ? LogoImage.FromDataUri(uri).Logo : null);
    }
}
