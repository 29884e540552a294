namespace MicroCredentials.Data;

/// <summary>The <c>statusPurpose</c> of a Bitstring Status List (W3C Bitstring Status List v1.0 §2.1).</summary>
public enum StatusPurpose
{
    /// <summary><c>revocation</c>: a set bit is permanent.</summary>
    Revocation,

    /// <summary><c>suspension</c>: a set bit can be cleared again.</summary>
    Suspension,
}
