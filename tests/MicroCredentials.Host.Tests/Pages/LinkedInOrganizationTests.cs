using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>With the institution's LinkedIn organisation id in the catalogue, the graduate's LinkedIn link names it by id.</summary>
public sealed class LinkedInOrganizationTests
{
    [Test]
    public async Task DownloadPage_CatalogueWithLinkedInId_LinkCarriesOrganizationId()
    {
        var folder = Directory.CreateTempSubdirectory("microcred-catalogue-").FullName;
        try
        {
            var catalogue = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.File("samples", "catalog.json")))!;
            catalogue["issuer"]!["linkedInOrganizationId"] = "1234567";
            var path = Path.Combine(folder, "catalog.json");
            await File.WriteAllTextAsync(path, catalogue.ToJsonString());

            await using var host = await PageHost.StartAsync(settings: new Dictionary<string, string?> { ["Issuer:CatalogPath"] = path });
            var issued = await host.IssueAsync("Hanne Willems");
            var html = await host.PageAsync(issued.DownloadPath + "?lang=en");

            Assert.That(html, Does.Contain("&amp;organizationId=1234567&amp;"));
            Assert.That(html, Does.Not.Contain("organizationName="));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
