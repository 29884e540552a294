namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>The hash function RDFC-1.0 uses for every hash it computes (RDFC-1.0 §4.2; SHA-256 is the default).</summary>
public enum Rdfc10HashAlgorithm
{
    /// <summary>SHA-256, the default of RDFC-1.0 and the one every Data Integrity cryptosuite here relies on.</summary>
    Sha256,

    /// <summary>SHA-384, allowed by RDFC-1.0 §4.2 (used by the test entries <c>#test075c</c>/<c>#test075m</c>).</summary>
    Sha384,
}
