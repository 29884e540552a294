namespace MicroCredentials.Data;

/// <summary>One allocated position in a status list: the credential's <c>statusListIndex</c> in list <see cref="ListId"/>.</summary>
/// <param name="Purpose">The list's status purpose.</param>
/// <param name="ListId">The list number (the host publishes it as <c>/status/{ListId}</c> or similar).</param>
/// <param name="Index">The zero-based bit index, chosen at random and never reused.</param>
public sealed record StatusSlot(StatusPurpose Purpose, long ListId, int Index);
