namespace MicroCredentials.SdJwt;

/// <summary>Wire names of SD-JWT VC (draft-ietf-oauth-sd-jwt-vc) and of our micro-credential type.</summary>
public static class SdJwtVcTerms
{
    /// <summary>The JOSE <c>typ</c> and the OpenID4VCI format identifier.</summary>
    public const string Type = "dc+sd-jwt";

    /// <summary>The credential type claim.</summary>
    public const string Vct = "vct";

    /// <summary>The status claim (Token Status List reference).</summary>
    public const string Status = "status";

    /// <summary>The member of <c>status</c> naming the list.</summary>
    public const string StatusList = "status_list";

    /// <summary>The index in the list.</summary>
    public const string Idx = "idx";

    /// <summary>The list's URI.</summary>
    public const string Uri = "uri";

    /// <summary>The path of our type's <c>vct</c> under the public base URL (also where its type metadata is served).</summary>
    public const string VctPath = "/types/micro-credential/v1";

    /// <summary>The EU pilots' micro-credential type (DC4EU), which our type follows in shape.</summary>
    public const string EudiMicroCredentialVct = "urn:eudi:micro_credential:1";
}
