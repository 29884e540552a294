namespace MicroCredentials.DataIntegrity;

/// <summary>Why a Data Integrity proof did not verify (a closed set; VC Data Integrity 1.0 §4.4 errors condensed).</summary>
public enum DataIntegrityFailure
{
    /// <summary>The document has no <c>proof</c>.</summary>
    NoProof,

    /// <summary>A proof lacks a required property, has a value of the wrong shape, or its <c>proofValue</c> is not a
    /// multibase base58btc 64-byte signature.</summary>
    MalformedProof,

    /// <summary>The proof is not a <c>DataIntegrityProof</c> with a cryptosuite this verifier implements
    /// (<c>eddsa-rdfc-2022</c>, <c>eddsa-jcs-2022</c>).</summary>
    UnsupportedCryptosuite,

    /// <summary>The <c>proofPurpose</c> is not the expected one (<c>assertionMethod</c> for credentials).</summary>
    WrongProofPurpose,

    /// <summary>The resolver knows no key for the proof's <c>verificationMethod</c>.</summary>
    UnknownVerificationMethod,

    /// <summary>The resolved key is not a 32-byte Ed25519 public key.</summary>
    InvalidPublicKey,

    /// <summary>The document or proof configuration could not be canonicalized: a JSON-LD error (in safe mode, e.g.
    /// a term no context defines, reported with its path), an unknown context, or a poisoned RDF dataset.</summary>
    CanonicalizationFailed,

    /// <summary>The Ed25519 signature does not match the canonical document and proof configuration: the credential
    /// or its proof was changed after signing, or it was signed with another key.</summary>
    SignatureInvalid,
}
