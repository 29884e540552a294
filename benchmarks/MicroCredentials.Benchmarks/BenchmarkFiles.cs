using MicroCredentials.Keys;

namespace MicroCredentials.Benchmarks;

/// <summary>Locations shared by the benchmarks: the repository root and the demo keys.</summary>
internal static class BenchmarkFiles
{
    /// <summary>The base URL the demo host and the in-process verifier benchmarks use.</summary>
    public const string BaseUrl = "http://localhost:5000";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MicroCredentials.sln not found above the benchmark's directory.");
    }

    private static readonly Lazy<IssuerKeySet> Keys = new(LoadDemoKeys);

    /// <summary>
    /// The public demo keys of keys.example/ for the issuer of <see cref="BaseUrl"/>, loaded once and never disposed:
    /// Microsoft.IdentityModel caches signature providers per key, so a disposed key would break the next benchmark
    /// in the same process (--inProcess).
    /// </summary>
    public static IssuerKeySet DemoKeys() => Keys.Value;

    private static IssuerKeySet LoadDemoKeys()
    {
        var dir = Path.Combine(RepositoryRoot(), "keys.example");
        return IssuerKeySet.Load(new IssuerKeyOptions
        {
            Ed25519KeyPath = Path.Combine(dir, "ed25519.pem"),
            Es256KeyPath = Path.Combine(dir, "es256.pem"),
            Rs256KeyPath = Path.Combine(dir, "rs256.pem"),
            SealPkcs12Path = Path.Combine(dir, "seal.p12"),
            SealPassword = "demo",
        }, DidWeb.FromBaseUrl(new Uri(BaseUrl)));
    }
}
