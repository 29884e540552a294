using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>The schema version this build migrates to (the readiness check compares the database's with it).</summary>
    public static int LatestSchemaVersion { get; } = SchemaMigrations.All.Max(m => m.Version);
}
