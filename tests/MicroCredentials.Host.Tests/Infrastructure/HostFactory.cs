using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MicroCredentials.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>
/// The real host, configured like production through <c>Issuer:*</c> settings: a SQLite file in a temp folder or a
/// fresh PostgreSQL database, the demo keys and the sample catalogue. One per fixture.
/// </summary>
internal sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string folder;
    private readonly TestPostgresDatabase? postgres;
    private readonly string hostName;

    private HostFactory(Dictionary<string, string?> settings, string folder, TestPostgresDatabase? postgres, int? kestrelPort, string hostName)
    {
        this.hostName = hostName;
        this.settings = settings;
        this.folder = folder;
        this.postgres = postgres;
        KestrelPort = kestrelPort;
        if (kestrelPort is { } port)
        {
            UseKestrel(port);
        }
    }

    public StatusRecorder Recorder { get; } = new();

    /// <summary>Errors the host logged (exceptions behind any 5xx).</summary>
    public ErrorLog ErrorLog { get; } = new();

    public int? KestrelPort { get; }

    public string TempFolder => folder;

    /// <summary>
    /// Creates a host. <paramref name="provider"/> is <c>Sqlite</c> or <c>Postgres</c>. With <paramref name="kestrel"/> it
    /// listens on a free loopback port at <paramref name="hostName"/> (<c>localhost</c> where a browser needs a domain, as
    /// WebAuthn does for its relying party id).
    /// </summary>
    public static async Task<HostFactory> CreateAsync(string provider, bool kestrel = false, IReadOnlyDictionary<string, string?>? extra = null,
        string hostName = "127.0.0.1")
    {
        var folder = Directory.CreateTempSubdirectory("microcred-host-").FullName;
        int? port = kestrel ? FreePort() : null;
        var baseUrl = port is { } p ? $"http://{hostName}:{p}" : "http://localhost";
        var settings = new Dictionary<string, string?>
        {
            ["Issuer:PublicBaseUrl"] = baseUrl,
            ["Issuer:CatalogPath"] = RepositoryPaths.File("samples", "catalog.json"),
            ["Issuer:KeysPath"] = RepositoryPaths.File("keys.example"),
            ["Issuer:PublicRequestsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        TestPostgresDatabase? postgres = null;
        if (provider == "Postgres")
        {
            postgres = await TestPostgresDatabase.CreateAsync();
            settings["Issuer:StorageProvider"] = "Postgres";
            settings["Issuer:ConnectionString"] = postgres.ConnectionString;
            settings["Issuer:DownloadLinkSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
        else
        {
            settings["Issuer:StorageProvider"] = "Sqlite";
            settings["Issuer:ConnectionString"] = $"Data Source={Path.Combine(folder, "data", "microcredentials.db")}";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new HostFactory(settings, folder, postgres, port, hostName);
        if (port is not null)
        {
            factory.StartServer();
        }

        return factory;
    }

    public Uri BaseAddress => KestrelPort is { } p ? new Uri($"http://{hostName}:{p}/") : new Uri("http://localhost/");

    /// <summary>A client whose every response is recorded.</summary>
    public HttpClient Client()
    {
        if (KestrelPort is null)
        {
            return CreateDefaultClient(BaseAddress, Recorder);
        }

        Recorder.InnerHandler ??= new SocketsHttpHandler { AllowAutoRedirect = false };
        return new HttpClient(Recorder, disposeHandler: false) { BaseAddress = BaseAddress };
    }

    /// <summary>Creates an API key directly in the store, as an administrator would with the CLI.</summary>
    public async Task<string> CreateApiKeyAsync(ApiKeyRole role)
    {
        var store = Services.GetRequiredService<CredentialStore>();
        var created = await store.CreateApiKeyAsync($"test-{role}-{Guid.NewGuid():N}", role, "tests", CancellationToken.None);
        return created.PlainKey;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryPaths.File("src", "MicroCredentials.Host"));
        builder.ConfigureLogging(logging => logging.AddProvider(ErrorLog));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Stops the host, then asserts the suite's rule that no request it served ever got a 5xx (the message carries what
    /// the host logged). Every fixture's tear-down ends with this.
    /// </summary>
    public async Task DisposeAndAssertNo5xxAsync()
    {
        var errors = Recorder.ServerErrors;
        var logged = string.Join("\n", ErrorLog.Errors);
        await DisposeAsync();
        Assert.That(errors, Is.Empty, "No request may ever get a 5xx. The host logged: " + logged);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Recorder.Dispose();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
