namespace MicroCredentials.Data;

/// <summary>What <see cref="CredentialStore.InsertIssuedAsync"/> did.</summary>
public enum StoreOutcome
{
    /// <summary>The credential was stored with its status entries and audit entry.</summary>
    Inserted,

    /// <summary>A credential with the same idempotency key exists; nothing was written. <see cref="StoreResult.Credential"/> is that one.</summary>
    AlreadyIssued,

    /// <summary>Another credential already has this <c>id</c>; nothing was written.</summary>
    IdTaken,

    /// <summary>Another credential already has this handle; nothing was written. Choose another and retry.</summary>
    HandleTaken,

    /// <summary>Another credential already has this short code; nothing was written. Choose another and retry.</summary>
    ShortCodeTaken,

    /// <summary>The download token's hash is already in use; nothing was written. Choose another and retry.</summary>
    DownloadTokenTaken,

    /// <summary>The superseded credential does not exist or is already superseded; nothing was written.</summary>
    SupersedesUnavailable,
}
