using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Locates the repository (the folder holding MicroCredentials.sln) from the test directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static X509Certificate2 DemoSeal() =>
        X509Certificate2.CreateFromPemFile(Path.Combine(Root, "keys.example", "seal-cert.pem"), Path.Combine(Root, "keys.example", "seal-key.pem"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MicroCredentials.sln not found above the test directory.");
    }
}
