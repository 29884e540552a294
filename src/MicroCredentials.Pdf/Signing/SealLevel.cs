namespace MicroCredentials.Pdf.Signing;

/// <summary>The PAdES baseline level a seal reached (ETSI EN 319 142-1 §6): what a verifier can prove from the file alone.</summary>
public enum SealLevel
{
    /// <summary>No seal, or one that does not verify.</summary>
    None,

    /// <summary>PAdES B-B: the seal and the signer's own signing-time.</summary>
    BaselineB,

    /// <summary>PAdES B-T: B-B plus a time-stamping authority's signature time-stamp.</summary>
    BaselineT,

    /// <summary>PAdES B-LT: B-T plus, in a DSS, the seal's chain and revocation data (CRL or OCSP) for the seal certificate.</summary>
    BaselineLt,
}
