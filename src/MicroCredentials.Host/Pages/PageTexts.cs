using MicroCredentials.Verification;

namespace MicroCredentials.Host.Pages;

/// <summary>Every sentence the public pages show, in Dutch and English.</summary>
internal static class PageTexts
{
    private static readonly Dictionary<string, (string Nl, string En)> Texts = new()
    {
        ["title"] = ("Verificatie van een micro-credential", "Verification of a micro-credential"),
        ["verdict.Valid"] = ("Echt en geldig", "Genuine and valid"),
        ["verdict.ValidStatusUnknown"] = ("Echt — status kon niet worden gecontroleerd", "Genuine — status could not be checked"),
        ["verdict.Revoked"] = ("Ingetrokken", "Revoked"),
        ["verdict.Superseded"] = ("Vervangen door een verbeterd getuigschrift", "Replaced by a corrected certificate"),
        ["verdict.Suspended"] = ("Tijdelijk opgeschort", "Temporarily suspended"),
        ["verdict.Expired"] = ("Verlopen", "Expired"),
        ["verdict.NotYetValid"] = ("Nog niet geldig", "Not yet valid"),
        ["verdict.NotGenuine"] = ("Niet echt", "Not genuine"),
        ["verdict.UnknownIssuer"] = ("Niet uitgereikt door deze instelling", "Not issued by this institution"),
        ["verdict.Unreadable"] = ("Niet leesbaar", "Unreadable"),
        ["explain.Valid"] = ("Dit getuigschrift is uitgereikt door de instelling hieronder, is sindsdien niet gewijzigd en is niet ingetrokken.", "This certificate was issued by the institution below, has not been changed since, and has not been revoked."),
        ["explain.ValidStatusUnknown"] = ("De handtekening is echt, maar de intrekkingslijst kon nu niet worden opgehaald. Probeer later opnieuw.", "The signature is genuine, but the revocation list could not be fetched just now. Try again later."),
        ["explain.Revoked"] = ("De instelling heeft dit getuigschrift ingetrokken. Het geldt niet meer als bewijs.", "The institution has revoked this certificate. It no longer counts as proof."),
        ["explain.Superseded"] = ("Dit getuigschrift werd vervangen door een verbeterde versie (bijvoorbeeld een gecorrigeerde naam of score).", "This certificate was replaced by a corrected version (for example a corrected name or grade)."),
        ["explain.Suspended"] = ("De instelling heeft dit getuigschrift tijdelijk opgeschort. Neem contact op met de instelling.", "The institution has temporarily suspended this certificate. Please contact the institution."),
        ["explain.Expired"] = ("Het getuigschrift is echt, maar de geldigheidsduur is voorbij.", "The certificate is genuine, but its validity period has ended."),
        ["explain.NotYetValid"] = ("Het getuigschrift is echt, maar de geldigheid begint pas later.", "The certificate is genuine, but its validity starts later."),
        ["explain.NotGenuine"] = ("Dit is geen echt getuigschrift van deze instelling, of er werd iets in gewijzigd.", "This is not a genuine certificate of this institution, or something in it was changed."),
        ["explain.UnknownIssuer"] = ("Dit getuigschrift noemt een andere uitgever. Deze dienst kent alleen de sleutels van haar eigen instelling en kan het dus niet bevestigen of weerleggen: controleer het bij de uitgever die erop staat.", "This credential names another issuer. This service knows only its own institution's keys, so it can neither confirm nor refute it: check it with the issuer it names."),
        ["explain.Unreadable"] = ("Het bestand is geen getuigschrift dat we kunnen lezen.", "The file is not a certificate we can read."),
        ["field.issuer"] = ("Uitgereikt door", "Issued by"),
        ["field.learner"] = ("Op naam van", "Awarded to"),
        ["field.title"] = ("Micro-credential", "Micro-credential"),
        ["field.ects"] = ("Studiepunten (ECTS)", "Credits (ECTS)"),
        ["field.eqf"] = ("EQF-niveau", "EQF level"),
        ["field.date"] = ("Datum van uitreiking", "Date of issue"),
        ["field.awarded"] = ("Toegekend op", "Awarded on"),
        ["field.grade"] = ("Resultaat", "Grade"),
        ["field.country"] = ("Land", "Country"),
        ["field.id"] = ("Kenmerk", "Reference"),
        ["checks"] = ("Wat werd gecontroleerd", "What was checked"),
        ["check.Format"] = ("Leesbaar getuigschrift", "Readable certificate"),
        ["check.Schema"] = ("Volledig volgens Open Badges 3.0 en de EU-aanbeveling", "Complete per Open Badges 3.0 and the EU recommendation"),
        ["check.Proof"] = ("Digitale handtekening", "Digital signature"),
        ["check.IssuerKey"] = ("Sleutel van de instelling", "Institution's key"),
        ["check.Status"] = ("Niet ingetrokken of opgeschort", "Not revoked or suspended"),
        ["check.ValidityPeriod"] = ("Geldigheidsperiode", "Validity period"),
        ["check.PdfSignature"] = ("Handtekening van de pdf", "PDF signature"),
        ["check.PrintedText"] = ("Gedrukte tekst komt overeen", "Printed text matches"),
        ["outcome.Pass"] = ("in orde", "passed"),
        ["outcome.Fail"] = ("mislukt", "failed"),
        ["outcome.Warning"] = ("niet gecontroleerd", "not checked"),
        ["outcome.Skipped"] = ("niet van toepassing", "not applicable"),
        ["upload.title"] = ("Een getuigschrift controleren", "Check a certificate"),
        ["upload.help"] = ("Kies het pdf-getuigschrift, de badge (png) of het credential-bestand (json of jwt).", "Choose the PDF certificate, the badge (PNG) or the credential file (JSON or JWT)."),
        ["upload.button"] = ("Controleren", "Check"),
        ["code.title"] = ("Code van het getuigschrift", "Certificate code"),
        ["code.help"] = ("Typ de code die onder de QR-code staat.", "Type the code printed under the QR code."),
        ["notfound"] = ("Geen getuigschrift gevonden met deze link of code. Controleer of u ze volledig hebt overgenomen.", "No certificate was found for this link or code. Check that you copied it completely."),
        ["reason.demo_key"] = ("Ondertekend met een openbare demosleutel (keys.example/): iedereen kan daarmee ondertekenen, dit bewijst dus niets.", "Signed with a published demo key (keys.example/): anyone can sign with it, so this proves nothing."),
        ["superseded.link"] = ("Bekijk het nieuwe getuigschrift", "View the new certificate"),
        ["switch"] = ("English", "Nederlands"),
        ["downloads"] = ("Uw getuigschrift downloaden", "Download your certificate"),
    };

    public static string T(string key, string lang) =>
        Texts.TryGetValue(key, out var t) ? (lang == "en" ? t.En : t.Nl) : key;

    public static string Verdict(Verdict verdict, string lang) => T("verdict." + verdict, lang);

    public static string Explain(Verdict verdict, string lang) => T("explain." + verdict, lang);

    public static string Check(CheckId id, string lang) => T("check." + id, lang);

    public static string Outcome(CheckOutcome outcome, string lang) => T("outcome." + outcome, lang);

    /// <summary>The reason of a check in the page language; falls back to the English detail.</summary>
    public static string Reason(VerificationCheck check, string lang) =>
        lang == "nl" && Texts.TryGetValue("reason." + check.Reason, out var t) ? t.Nl : check.Detail;
}
