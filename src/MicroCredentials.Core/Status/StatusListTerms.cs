namespace MicroCredentials.Status;

/// <summary>
/// Wire names of W3C Bitstring Status List v1.0 and the VC 2.0 properties a status list credential uses, kept in one
/// place (STYLE rule 9). All are defined by the VC 2.0 context; no extra context is needed.
/// </summary>
public static class StatusListTerms
{
    /// <summary>Type of a status list credential.</summary>
    public const string BitstringStatusListCredential = "BitstringStatusListCredential";

    /// <summary>Type of the status list credential's subject.</summary>
    public const string BitstringStatusList = "BitstringStatusList";

    /// <summary>Type of a credential's status entry.</summary>
    public const string BitstringStatusListEntry = "BitstringStatusListEntry";

    /// <summary>Base type of every verifiable credential.</summary>
    public const string VerifiableCredential = "VerifiableCredential";

    /// <summary>Fragment appended to the list URL to form the subject id (<c>…/status/1#list</c>).</summary>
    public const string ListFragment = "#list";

    /// <summary><c>@context</c>.</summary>
    public const string Context = "@context";

    /// <summary><c>id</c>.</summary>
    public const string Id = "id";

    /// <summary><c>type</c>.</summary>
    public const string Type = "type";

    /// <summary><c>issuer</c>.</summary>
    public const string Issuer = "issuer";

    /// <summary><c>validFrom</c>.</summary>
    public const string ValidFrom = "validFrom";

    /// <summary><c>validUntil</c>.</summary>
    public const string ValidUntil = "validUntil";

    /// <summary><c>credentialSubject</c>.</summary>
    public const string CredentialSubject = "credentialSubject";

    /// <summary><c>credentialStatus</c>.</summary>
    public const string CredentialStatus = "credentialStatus";

    /// <summary><c>statusPurpose</c> (entry and list).</summary>
    public const string StatusPurpose = "statusPurpose";

    /// <summary><c>encodedList</c>.</summary>
    public const string EncodedList = "encodedList";

    /// <summary><c>ttl</c>, milliseconds.</summary>
    public const string Ttl = "ttl";

    /// <summary><c>statusListIndex</c>, base-10 integer as a string.</summary>
    public const string StatusListIndex = "statusListIndex";

    /// <summary><c>statusListCredential</c>, URL of the list.</summary>
    public const string StatusListCredential = "statusListCredential";

    /// <summary><c>statusSize</c>, bits per entry (default 1).</summary>
    public const string StatusSize = "statusSize";
}
