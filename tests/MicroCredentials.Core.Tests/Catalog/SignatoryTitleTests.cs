using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

/// <summary>Issue 13 point 4: the signatory's function is given per certificate language, and loading says which is missing.</summary>
public sealed class SignatoryTitleTests
{
    private static CatalogLoadResult LoadWith(Action<JsonObject> change)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!.AsObject();
        change(catalog["issuer"]!.AsObject());
        return CatalogLoader.Load(catalog.ToJsonString());
    }

    [Test]
    public void Sample_SignatoryPerLanguage()
    {
        var issuer = Samples.Catalog().Issuer;

        Assert.That(issuer.SignatoryFor("nl"), Is.EqualTo("Prof. dr. Els Vermeulen, academisch directeur Nova Academy"));
        Assert.That(issuer.SignatoryFor("en"), Is.EqualTo("Prof. dr. Els Vermeulen, Academic Director, Nova Academy"));
        Assert.That(issuer.SignatoryFor("fr"), Is.EqualTo("Prof. dr. Els Vermeulen, directrice académique de Nova Academy"));
    }

    [Test]
    public void Load_FrenchTitleMissing_ErrorNamesTheLanguage()
    {
        var result = LoadWith(issuer => issuer["signatoryTitle"]!.AsObject().Remove("fr"));

        Assert.That(result.Catalog, Is.Null);
        var error = result.Errors.Single();
        Assert.That((error.Entry, error.Element), Is.EqualTo(("issuer", "signatoryTitle")));
        Assert.That(error.Message, Does.Contain("'fr' is missing"));
    }

    [Test]
    public void Load_OneLanguageFunctionInTheSignatory_EveryLanguageMissing()
    {
        var result = LoadWith(issuer =>
        {
            issuer.Remove("signatoryTitle");
            issuer["signatory"] = "Prof. dr. Els Vermeulen, academisch directeur";
        });

        Assert.That(result.Errors.Select(e => e.Message).ToList(), Has.Count.EqualTo(3).And.All.Contain("signatoryTitle"));
    }

    [Test]
    public void Load_SignatoryWithoutFunction_NeedsNoTitles()
    {
        var result = LoadWith(issuer =>
        {
            issuer.Remove("signatoryTitle");
            issuer["signatory"] = "Prof. dr. Els Vermeulen";
        });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Catalog!.Issuer.SignatoryFor("en"), Is.EqualTo("Prof. dr. Els Vermeulen"));
    }

    [Test]
    public void Load_TitleWithCharactersTheCertificateCannotPrint_Refused()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!.AsObject();
        catalog["microCredentials"]![0]!["title"]!["en"] = "ତଥ୍ୟ ବିଜ୍ଞାନ";

        var result = CatalogLoader.Load(catalog.ToJsonString());

        Assert.That(result.Errors.Single().Message, Does.Contain("the title (en) contains ତ").And.Contain("Odia"));
    }
}
