namespace MicroCredentials.Data;

/// <summary>One stored revision of a micro-credential in the catalogue.</summary>
/// <param name="Code">The micro-credential's code.</param>
/// <param name="Revision">1, 2, …: the highest is in force.</param>
/// <param name="Version">The version label credentials carry (e.g. <c>2025-2026</c>).</param>
/// <param name="Json">The entry as catalogue JSON.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="CreatedBy">Who saved it (the staff member's name, or the import).</param>
/// <param name="Issued">Whether credentials were issued with exactly this content.</param>
public sealed record CatalogueRevision(string Code, int Revision, string Version, string Json, DateTimeOffset CreatedAt, string CreatedBy, bool Issued);
