namespace MicroCredentials.Data;

/// <summary>What a save of the catalogue (an entry, the issuer block or an import) did.</summary>
public enum CatalogueEditOutcome
{
    /// <summary>A new revision is stored and in force.</summary>
    Saved,

    /// <summary>The content equals the revision in force: nothing was written.</summary>
    Unchanged,

    /// <summary>
    /// Credentials were issued with this version label and other content: an issued version never changes, so the edit
    /// needs a new version label. Nothing was written.
    /// </summary>
    VersionIssued,

    /// <summary>Someone saved a newer revision since the form was opened: nothing was written (reload and edit again).</summary>
    Stale,

    /// <summary>A new micro-credential's code is already in the catalogue (codes compare case-insensitively).</summary>
    CodeTaken,

    /// <summary>The first-start import found a catalogue already in the database: nothing was written.</summary>
    NotEmpty,
}
