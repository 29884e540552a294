using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

/// <summary>Verifies the Data Integrity proof of a status list credential with a key resolver.</summary>
public static class StatusListProof
{
    /// <summary>A verifier accepting lists signed by the keys of <paramref name="keys"/>.</summary>
    public static StatusListProofVerifier Verifier(IssuerKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Verifier(keys.DataIntegrityKeyResolver);
    }

    /// <summary>A verifier accepting lists whose proof verifies with <paramref name="resolve"/>.</summary>
    public static StatusListProofVerifier Verifier(Func<string, byte[]?> resolve) =>
        (JsonObject list, CancellationToken _) => ValueTask.FromResult(DataIntegrityVerifier.Verify(list, resolve).IsValid);
}
