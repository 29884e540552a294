namespace MicroCredentials.JsonLd;

/// <summary>A loaded remote document in the processor's internal JSON model (see <see cref="JsonModel"/>).</summary>
internal sealed record LoadedDocument(string DocumentUrl, object? Document);
