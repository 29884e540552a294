using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>One real host per fixture (SQLite file or PostgreSQL database), its one test-server client, and its store.</summary>
public abstract class StaffFixture(string provider)
{
    private HostFactory? factory;
    private HttpClient? client;

    internal HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    // One client per host (the test server's handler chain is built once); each StaffSession keeps its own cookies.
    internal HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    internal CredentialStore Store => Factory.Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync(provider, extra: Settings());
        client = factory.Client();
    }

    [OneTimeTearDown]
    public async Task StopHost() => await Factory.DisposeAndAssertNo5xxAsync();

    internal Task<StaffSession> SignInAsync(StaffRole role) => StaffSession.SignInAsync(Client, Factory.Services, role);

    /// <summary>Extra host settings of a fixture.</summary>
    private protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;
}
