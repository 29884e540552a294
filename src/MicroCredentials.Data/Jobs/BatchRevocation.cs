namespace MicroCredentials.Data.Jobs;

/// <summary>What revoking every credential of a batch job did.</summary>
/// <param name="Revoked">Credentials revoked now.</param>
/// <param name="AlreadyRevoked">Credentials of the job that were revoked before (left as they were).</param>
public sealed record BatchRevocation(int Revoked, int AlreadyRevoked);
