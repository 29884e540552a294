namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Stops the throwaway PostgreSQL cluster (if one was started) after all tests.</summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public Task StopPostgres() => PostgresTestServer.StopAsync();
}
