namespace MicroCredentials.Data;

/// <summary>One page of a credential search, newest first, and how many credentials match in all.</summary>
/// <param name="Credentials">The credentials of the page.</param>
/// <param name="Total">The number of matching credentials.</param>
public sealed record CredentialSearchPage(IReadOnlyList<StoredCredential> Credentials, long Total);
