using MicroCredentials.Data.Tests.Infrastructure;

namespace MicroCredentials.Data.Tests;

/// <summary>
/// Stops the throwaway PostgreSQL cluster (if one was started) after all tests. It sits in the root test namespace:
/// a set-up fixture only covers the tests in its own namespace and below.
/// </summary>
[SetUpFixture]
public sealed class TestServerLifetime
{
    [OneTimeTearDown]
    public Task StopPostgres() => PostgresTestServer.StopAsync();
}
