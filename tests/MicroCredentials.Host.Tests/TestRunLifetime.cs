namespace MicroCredentials.Host.Tests;

/// <summary>
/// Stops the throwaway PostgreSQL cluster (if one was started) after all tests. It sits in the root test namespace:
/// a set-up fixture only covers the tests in its own namespace and below (in Infrastructure it never ran, and each
/// run left its cluster behind).
/// </summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public Task StopPostgres() => PostgresTestServer.StopAsync();
}
