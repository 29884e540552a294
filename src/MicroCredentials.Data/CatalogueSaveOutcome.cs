namespace MicroCredentials.Data;

/// <summary>What <see cref="CredentialStore.SaveCatalogueVersionAsync"/> did.</summary>
public enum CatalogueSaveOutcome
{
    /// <summary>The version was new and is now stored.</summary>
    Inserted,

    /// <summary>The same version with identical content was already stored.</summary>
    Unchanged,

    /// <summary>The version exists with different content; versions are immutable, so nothing was written.</summary>
    Conflict,
}
