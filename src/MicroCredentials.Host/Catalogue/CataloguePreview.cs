using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Issuance;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Pdf;

namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The certificate of a catalogue entry as it is being edited: an unsigned credential for a demo learner, rendered
/// without seal and marked PREVIEW on every page (<see cref="CertificateDocument.PreviewMark"/>). Nothing is stored.
/// </summary>
internal static class CataloguePreview
{
    /// <summary>The handle the preview's QR code points at (no credential has it: handles are random base64url).</summary>
    public const string Handle = "preview";

    /// <summary>Renders the preview PDF in <paramref name="language"/> (nl, en or fr).</summary>
    public static byte[] Render(MicroCredentialDefinition entry, IssuerProfileDefinition issuer, IssuerKeySet keys, IssuanceService issuance,
        TimeProvider time, string language)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var learner = new LearnerRow
        {
            Line = 1, Email = "demo.learner@example.org", Name = "Demo Learner", Code = entry.Code, Awarded = today,
            Grade = entry.GradingScale is { ResultType: "ScaledScore" or "Percent" } scale ? scale.Pass ?? scale.Max : null,
        };
        var factory = new CredentialFactory(time, CredentialFactory.BuildIssuer(issuer, keys.IssuerId), issuance.Options.PublicBaseUrl);
        var json = CredentialJson.Serialize(factory.Create(entry, learner));
        return CertificateRendering.RenderPreview(json, language, new Uri(issuance.Options.VerificationUrl(Handle)), Handle, "PREV-IEW0",
            issuer.SignatoryFor(language));
    }
}
