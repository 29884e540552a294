using MicroCredentials.Catalog;
using MicroCredentials.Issuance;
using MicroCredentials.Model;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Support;

/// <summary>The sample catalogue and learners from <c>samples/</c>, and a factory over them with a fake clock.</summary>
internal static class Samples
{
    public static readonly Uri BaseUrl = new("https://credentials.nova-academy.be");
    public const string IssuerId = "did:web:credentials.nova-academy.be";

    /// <summary>The day the sample clock stands on (the samples' award date is 2026-02-06).</summary>
    public static readonly DateOnly Today = new(2026, 2, 10);

    public static string CatalogPath => Path.Combine(RepositoryPaths.Root, "samples", "catalog.json");

    public static string LearnersPath => Path.Combine(RepositoryPaths.Root, "samples", "learners.csv");

    public static string BadLearnersPath => Path.Combine(RepositoryPaths.Root, "samples", "learners-with-errors.csv");

    public static MicroCredentialCatalog Catalog()
    {
        var result = CatalogLoader.Load(File.ReadAllText(CatalogPath), "catalog.json");
        Assert.That(result.Errors, Is.Empty);
        return result.Catalog!;
    }

    public static IReadOnlyList<LearnerRow> Learners(MicroCredentialCatalog catalog) =>
        LearnerCsvReader.Read(File.ReadAllText(LearnersPath), "learners.csv", catalog, Today).Rows;

    public static CredentialFactory Factory(MicroCredentialCatalog catalog, FakeTimeProvider? time = null) =>
        new(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 9, 30, 15, 123, TimeSpan.Zero)),
            CredentialFactory.BuildIssuer(catalog.Issuer, IssuerId), BaseUrl);

    public static IEnumerable<OpenBadgeCredential> IssuedSampleCredentials()
    {
        var catalog = Catalog();
        var factory = Factory(catalog);
        return Learners(catalog).Select(row => factory.Create(catalog.Find(row.Code)!, row));
    }
}
