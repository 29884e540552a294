using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    [Test]
    public void Load_SampleCatalog_HasAtLeastThreeValidEntries()
    {
        var result = CatalogLoader.Load(File.ReadAllText(Samples.CatalogPath));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Catalog!.MicroCredentials, Has.Count.GreaterThanOrEqualTo(3));
    }

    [TestCase("learningOutcomes", "learningOutcomes", "EU Annex I element 6")]
    [TestCase("ects", "ects", "EU Annex I element 7")]
    [TestCase("notionalHours", "notionalHours", "EU Annex I element 7")]
    [TestCase("eqfLevel", "eqfLevel", "EU Annex I element 8")]
    [TestCase("assessmentType", "assessmentType", "EU Annex I element 9")]
    [TestCase("participationMode", "participationMode", "EU Annex I element 10")]
    [TestCase("qualityAssurance", "qualityAssurance", "EU Annex I element 11")]
    [TestCase("title", "title", "EU Annex I element 2")]
    public void Load_EntryLackingMandatoryElement_FailsNamingEntryAndElement(string property, string element, string annex)
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!;
        json["microCredentials"]![1]!.AsObject().Remove(property);

        var result = CatalogLoader.Load(json.ToJsonString());

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors, Has.Some.Matches<CatalogError>(e => e.Entry == "MC-AIR" && e.Element == element && e.Message.Contains(annex)));
        Assert.That(result.Errors.Select(e => e.Entry), Has.None.EqualTo("MC-DSH"), "only the broken entry is reported");
    }

    [Test]
    public void Load_EnglishOutcomesMissing_NamesLanguage()
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!;
        json["microCredentials"]![0]!["learningOutcomes"]!.AsObject().Remove("en");

        var result = CatalogLoader.Load(json.ToJsonString());

        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.Contains("MC-DSH: learningOutcomes: learning outcomes in 'en'"));
    }

    [Test]
    public void Load_IssuerWithoutCountry_Fails()
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!;
        json["issuer"]!["countryCode"] = "Belgium";

        var result = CatalogLoader.Load(json.ToJsonString());

        Assert.That(result.Errors, Has.Some.Matches<CatalogError>(e => e.Entry == "issuer" && e.Element == "countryCode"));
    }

    [Test]
    public void Load_MalformedJson_ReturnsErrorWithLine()
    {
        var result = CatalogLoader.Load("{\n  \"issuer\": {\n   \"name\": }", "broken.json");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Single().Entry, Is.EqualTo("broken.json"));
        Assert.That(result.Errors.Single().Message, Does.Contain("line 3"));
    }

    [Test]
    public void Load_UnknownProperty_IsRejectedNotIgnored()
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.CatalogPath))!;
        json["microCredentials"]![0]!["ectz"] = 5;

        var result = CatalogLoader.Load(json.ToJsonString());

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Single().Message, Does.Contain("ectz"));
    }
}
