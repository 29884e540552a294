namespace MicroCredentials.Data.Tests.Infrastructure;

/// <summary>Stops the throwaway PostgreSQL cluster (if one was started) after all tests.</summary>
[SetUpFixture]
public sealed class TestServerLifetime
{
    [OneTimeTearDown]
    public Task StopPostgres() => PostgresTestServer.StopAsync();
}
