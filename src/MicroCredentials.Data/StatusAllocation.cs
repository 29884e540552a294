using MicroCredentials.Status;

namespace MicroCredentials.Data;

/// <summary>
/// The status list positions reserved for one credential by <see cref="CredentialStore.AllocateStatusAsync"/>, to be
/// written into its <c>credentialStatus</c> entries before signing and claimed by
/// <see cref="CredentialStore.InsertIssuedAsync"/>.
/// </summary>
/// <param name="Revocation">The position in a <see cref="StatusPurpose.Revocation"/> list.</param>
/// <param name="Suspension">The position in a <see cref="StatusPurpose.Suspension"/> list.</param>
public sealed record StatusAllocation(StatusSlot Revocation, StatusSlot Suspension);
