using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Model;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Verification;

// The validator answers pass/fail first and only re-evaluates an invalid document for its errors: these tests pin
// that invalid documents still report what is wrong.
public sealed class SchemaValidatorTests
{
    private static JsonObject Sample() => CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());

    [Test]
    public void ValidateOb3_ValidSample_NoErrors() => Assert.That(SchemaValidator.ValidateOb3(Sample()), Is.Empty);

    [Test]
    public void ValidateOb3_IssuerMissing_ReportsRequiredProperty()
    {
        var credential = Sample();
        credential.Remove("issuer");

        Assert.That(SchemaValidator.ValidateOb3(credential), Has.Some.Contains("issuer"));
    }

    [Test]
    public void ValidateOb3_ValidFromNotADate_ReportsError()
    {
        var credential = Sample();
        credential["validFrom"] = 42;

        Assert.That(SchemaValidator.ValidateOb3(credential), Is.Not.Empty);
    }

    [Test]
    public void ValidateMicroCredentialExtension_EctsCreditsMissing_ReportsRequiredProperty()
    {
        var credential = Sample();
        credential["credentialSubject"]!["achievement"]!.AsObject().Remove("ectsCredits");

        Assert.That(SchemaValidator.ValidateMicroCredentialExtension(credential), Has.Some.Contains("ectsCredits"));
    }
}
