using MicroCredentials.Status;

namespace MicroCredentials.Data;

/// <summary>One allocated position in a status list: the credential's <c>statusListIndex</c> in list <see cref="ListId"/>.</summary>
/// <param name="Purpose">The list's <c>statusPurpose</c>: <see cref="StatusPurpose.Revocation"/> or <see cref="StatusPurpose.Suspension"/>.</param>
/// <param name="ListId">The list number (the host publishes it as <c>/status/{ListId}</c> or similar).</param>
/// <param name="Index">The zero-based bit index, chosen at random and never reused.</param>
public sealed record StatusSlot(string Purpose, long ListId, int Index);
