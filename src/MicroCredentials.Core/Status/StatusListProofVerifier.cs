using System.Text.Json.Nodes;

namespace MicroCredentials.Status;

/// <summary>
/// Verifies the proof of a fetched status list credential (Bitstring Status List §3.2: "ensure that all proofs verify").
/// Supplied by the caller — normally the Data Integrity verifier. Receives a private copy of the document.
/// </summary>
/// <param name="statusListCredential">A copy of the list credential, proof included.</param>
/// <param name="cancellationToken">Cancels key resolution or other I/O.</param>
/// <returns>True when every proof verifies; false otherwise (the check then ends <see cref="StatusCheckOutcome.ProofInvalid"/>).</returns>
public delegate ValueTask<bool> StatusListProofVerifier(JsonObject statusListCredential, CancellationToken cancellationToken);
