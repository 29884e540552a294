namespace MicroCredentials.Pdf.Layout;

/// <summary>The fixed words of the certificate in one language.</summary>
internal sealed record CertificateLabels
{
    public required string LanguageKey { get; init; }
    public required string Heading { get; init; }
    public required string Subheading { get; init; }
    public required string CertifiesThat { get; init; }
    public required string HasCompleted { get; init; }
    public required string Credits { get; init; }
    public required string EqfLevel { get; init; }
    public required string Grade { get; init; }
    public required string Date { get; init; }
    public required string OnBehalfOf { get; init; }
    public required string VerifyAt { get; init; }
    public required string Code { get; init; }
    public required string SealNotice { get; init; }
    public required string DetailsHeading { get; init; }
    public required string LearningOutcomes { get; init; }
    public required string KeyInformation { get; init; }
    public required string AssessmentAndQuality { get; init; }
    public required string Learner { get; init; }
    public required string AwardingBody { get; init; }
    public required string DateOfIssue { get; init; }
    public required string Workload { get; init; }
    public required string Hours { get; init; }
    public required string Assessment { get; init; }
    public required string Participation { get; init; }
    public required string Supervision { get; init; }
    public required string QualityAssurance { get; init; }
    public required string Prerequisites { get; init; }
    public required string Stackability { get; init; }
    public required string CourseCode { get; init; }
    public required string Period { get; init; }
    public required string CredentialId { get; init; }
    public required string Page { get; init; }
    public required string Continued { get; init; }
    public required IReadOnlyList<string> Months { get; init; }

    public static CertificateLabels For(CertificateLanguage language) => language switch
    {
        CertificateLanguage.Dutch => Dutch,
        CertificateLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown certificate language."),
    };

    public static readonly CertificateLabels English = new()
    {
        LanguageKey = "en",
        Heading = "Certificate",
        Subheading = "MICRO-CREDENTIAL",
        CertifiesThat = "This is to certify that",
        HasCompleted = "has successfully completed the micro-credential",
        Credits = "CREDITS",
        EqfLevel = "EQF LEVEL",
        Grade = "RESULT",
        Date = "AWARDED ON",
        OnBehalfOf = "On behalf of",
        VerifyAt = "Verify this certificate",
        Code = "Verification code",
        SealNotice = "This document carries the electronic seal of the issuer and contains the signed credential (Open Badges 3.0).",
        DetailsHeading = "Micro-credential details",
        LearningOutcomes = "Learning outcomes",
        KeyInformation = "Key information",
        AssessmentAndQuality = "Assessment and quality assurance",
        Learner = "Learner",
        AwardingBody = "Awarding body",
        DateOfIssue = "Date of issue",
        Workload = "Workload",
        Hours = "hours",
        Assessment = "Type of assessment",
        Participation = "Form of participation",
        Supervision = "Supervision and identity verification",
        QualityAssurance = "Quality assurance",
        Prerequisites = "Prerequisites",
        Stackability = "Integration and stackability",
        CourseCode = "Course code",
        Period = "Learning period",
        CredentialId = "Credential identifier",
        Page = "Page",
        Continued = "… continued in full in the signed credential embedded in this PDF.",
        Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    };

    public static readonly CertificateLabels Dutch = new()
    {
        LanguageKey = "nl",
        Heading = "Certificaat",
        Subheading = "MICROCREDENTIAL",
        CertifiesThat = "Hierbij wordt verklaard dat",
        HasCompleted = "met succes de microcredential heeft behaald",
        Credits = "STUDIEPUNTEN",
        EqfLevel = "EQF-NIVEAU",
        Grade = "RESULTAAT",
        Date = "UITGEREIKT OP",
        OnBehalfOf = "Namens",
        VerifyAt = "Controleer dit certificaat",
        Code = "Verificatiecode",
        SealNotice = "Dit document draagt het elektronisch zegel van de uitgever en bevat de ondertekende credential (Open Badges 3.0).",
        DetailsHeading = "Gegevens van de microcredential",
        LearningOutcomes = "Leerresultaten",
        KeyInformation = "Kerngegevens",
        AssessmentAndQuality = "Beoordeling en kwaliteitszorg",
        Learner = "Lerende",
        AwardingBody = "Uitreikende instelling",
        DateOfIssue = "Datum van uitreiking",
        Workload = "Studiebelasting",
        Hours = "uur",
        Assessment = "Type beoordeling",
        Participation = "Vorm van deelname",
        Supervision = "Toezicht en identiteitscontrole",
        QualityAssurance = "Kwaliteitszorg",
        Prerequisites = "Toelatingsvoorwaarden",
        Stackability = "Integratie en stapelbaarheid",
        CourseCode = "Cursuscode",
        Period = "Leerperiode",
        CredentialId = "Kenmerk van de credential",
        Page = "Pagina",
        Continued = "… volledig opgenomen in de ondertekende credential die in deze PDF is ingebed.",
        Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    };
}
