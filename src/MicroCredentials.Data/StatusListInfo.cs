using MicroCredentials.Status;

namespace MicroCredentials.Data;

/// <summary>A status list's metadata.</summary>
/// <param name="Id">The list number.</param>
/// <param name="Purpose">The <c>statusPurpose</c>: <see cref="StatusPurpose.Revocation"/> or <see cref="StatusPurpose.Suspension"/>.</param>
/// <param name="Size">Number of entries (bits).</param>
/// <param name="Version">Increases on every bit change; use it as the ETag of the status list credential.</param>
/// <param name="IsFull">Whether new indexes are no longer allocated here.</param>
/// <param name="CreatedAt">When the list was opened.</param>
/// <param name="UpdatedAt">When a bit last changed (or the list was opened).</param>
public sealed record StatusListInfo(
    long Id, string Purpose, int Size, long Version, bool IsFull, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
