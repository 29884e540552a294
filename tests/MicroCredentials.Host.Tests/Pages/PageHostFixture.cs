namespace MicroCredentials.Host.Tests.Pages;

/// <summary>One in-memory <see cref="PageHost"/> per test class, started once and disposed after its tests.</summary>
public abstract class PageHostFixture
{
    private PageHost? host;

    /// <summary>The class's host.</summary>
    private protected PageHost Host => host ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    /// <summary>Starts the host.</summary>
    [OneTimeSetUp]
    public async Task Start() => host = await PageHost.StartAsync();

    /// <summary>Disposes the host.</summary>
    [OneTimeTearDown]
    public async Task Stop()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
