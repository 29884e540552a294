namespace MicroCredentials.Verification;

/// <summary>The verification steps (OB 3.0 verification §6.1 order; DCC-like ids in the JSON API).</summary>
public enum CheckId
{
    /// <summary>Parsed as JSON/JWT/PDF/PNG and recognised as an OB 3.0 credential.</summary>
    Format,

    /// <summary>Validates against the OB 3.0 JSON Schema and our Annex I extension schema.</summary>
    Schema,

    /// <summary>Data Integrity proof (eddsa-rdfc-2022 / eddsa-jcs-2022) or VC-JWT signature.</summary>
    Proof,

    /// <summary>The signing key belongs to the issuer (controller = issuer id; published key set).</summary>
    IssuerKey,

    /// <summary>Revocation and suspension status lists.</summary>
    Status,

    /// <summary><c>validFrom</c> / <c>validUntil</c> against the current time.</summary>
    ValidityPeriod,

    /// <summary>The PDF's own signature (uploads of the certificate PDF only).</summary>
    PdfSignature,

    /// <summary>The text printed on an uploaded PDF matches the embedded credential.</summary>
    PrintedText,

    /// <summary>A further proof of the credential's proof set (beside the one the verdict rests on): its own outcome,
    /// shown and never counted as an endorsement.</summary>
    AdditionalProof,
}
