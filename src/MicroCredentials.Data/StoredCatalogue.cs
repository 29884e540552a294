using MicroCredentials.Catalog;

namespace MicroCredentials.Data;

/// <summary>The catalogue in force (the newest revision of the issuer block and of each micro-credential).</summary>
/// <param name="Catalog">The catalogue, in the model the rest of the issuer reads.</param>
/// <param name="IssuerRevision">The issuer block's revision in force.</param>
/// <param name="EntryRevisions">Each code's revision in force.</param>
/// <param name="Stamp">Changes with every save (compare to see whether another host saved).</param>
public sealed record StoredCatalogue(MicroCredentialCatalog Catalog, int IssuerRevision, IReadOnlyDictionary<string, int> EntryRevisions, string Stamp);
