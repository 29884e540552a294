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
    /// <summary>The award date (when the learner earned it): the same words on both pages.</summary>
    public required string AwardedOn { get; init; }
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
    /// <summary>Alternative text of the QR code (PDF/UA-1 §7.3), followed by the address it encodes.</summary>
    public required string QrCodeAlternative { get; init; }
    public required IReadOnlyList<string> Months { get; init; }

    public static CertificateLabels For(CertificateLanguage language) => language switch
    {
        CertificateLanguage.Dutch => Dutch,
        CertificateLanguage.English => English,
        CertificateLanguage.French => French,
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
        AwardedOn = "Awarded on",
        OnBehalfOf = "On behalf of",
        VerifyAt = "Verify this certificate",
        Code = "Verification code",
        SealNotice = "This certificate carries the electronic seal of the awarding body and contains the signed micro-credential (Open Badges 3.0).",
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
        CredentialId = "Micro-credential identifier",
        Page = "Page",
        Continued = "… continued in full in the signed micro-credential embedded in this certificate.",
        QrCodeAlternative = "QR code that opens the verification page of this certificate:",
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
        AwardedOn = "Toegekend op",
        OnBehalfOf = "Namens",
        VerifyAt = "Controleer dit certificaat",
        Code = "Verificatiecode",
        SealNotice = "Dit certificaat draagt het elektronisch zegel van de uitreikende instelling en bevat de ondertekende microcredential (Open Badges 3.0).",
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
        CredentialId = "Kenmerk van de microcredential",
        Page = "Pagina",
        Continued = "… volledig opgenomen in de ondertekende microcredential die in dit certificaat is ingebed.",
        QrCodeAlternative = "QR-code die de verificatiepagina van dit certificaat opent:",
        Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    };

    public static readonly CertificateLabels French = new()
    {
        LanguageKey = "fr",
        Heading = "Certificat",
        Subheading = "MICROCERTIFICATION",
        CertifiesThat = "Nous certifions que",
        HasCompleted = "a obtenu avec succès la microcertification",
        Credits = "CRÉDITS",
        EqfLevel = "NIVEAU CEC",
        Grade = "RÉSULTAT",
        AwardedOn = "Décerné le",
        OnBehalfOf = "Au nom de",
        VerifyAt = "Vérifiez ce certificat",
        Code = "Code de vérification",
        SealNotice = "Ce certificat porte le cachet électronique de l'établissement qui le décerne et contient la microcertification signée (Open Badges 3.0).",
        DetailsHeading = "Détails de la microcertification",
        LearningOutcomes = "Acquis d'apprentissage",
        KeyInformation = "Informations essentielles",
        AssessmentAndQuality = "Évaluation et assurance qualité",
        Learner = "Apprenant",
        AwardingBody = "Établissement",
        DateOfIssue = "Date de délivrance",
        Workload = "Charge de travail",
        Hours = "heures",
        Assessment = "Type d'évaluation",
        Participation = "Mode de participation",
        Supervision = "Surveillance et vérification d'identité",
        QualityAssurance = "Assurance qualité",
        Prerequisites = "Prérequis",
        Stackability = "Intégration et cumul",
        CourseCode = "Code du cours",
        Period = "Période d'apprentissage",
        CredentialId = "Identifiant de la microcertification",
        Page = "Page",
        Continued = "… repris en entier dans la microcertification signée intégrée à ce certificat.",
        QrCodeAlternative = "Code QR qui ouvre la page de vérification de ce certificat :",
        Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    };
}
