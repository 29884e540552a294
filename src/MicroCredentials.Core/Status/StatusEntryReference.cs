namespace MicroCredentials.Status;

/// <summary>A readable <c>BitstringStatusListEntry</c> (internal to the checker).</summary>
internal sealed record StatusEntryReference(string Purpose, string ListUrl, string IndexText, long Index);
