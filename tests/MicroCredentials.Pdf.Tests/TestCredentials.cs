using System.Text.Json.Nodes;
using MicroCredentials.Model;

namespace MicroCredentials.Pdf.Tests;

/// <summary>A realistic Nova Academy micro-credential, built in code, with a Data Integrity proof block.</summary>
internal static class TestCredentials
{
    public const string LearnerName = "Zoë Müller-Brontë";
    public const string TitleEn = "Data Science for Healthcare";
    public const string TitleNl = "Datawetenschap voor de gezondheidszorg";

    public static OpenBadgeCredential Credential(
        string learnerName = LearnerName, string titleEn = TitleEn, string titleNl = TitleNl, decimal ects = 6m, string? grade = "16") => new()
    {
        Id = "urn:uuid:0192f1c4-7d3e-7a10-9c43-5d1b0c7f1a11",
        Name = $"Micro-credential: {titleEn} ({ects} ECTS)",
        Description = "Awarded for successfully completing an accredited micro-credential of Nova Academy.",
        Issuer = new Profile
        {
            Id = "did:web:credentials.nova-academy.be",
            Name = "Nova Academy",
            Url = "https://www.nova-academy.be",
            Address = new Address { AddressCountry = "Belgium", AddressCountryCode = "BE", AddressRegion = "Vlaanderen", AddressLocality = "Gent" },
        },
        ValidFrom = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        AwardedDate = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        CredentialSubject = new AchievementSubject
        {
            Identifier =
            [
                new IdentityObject { IdentityType = Ob3Terms.IdentityTypeEmail, Hashed = true, IdentityHash = "sha256$9f2c0e1f6b0d4e36a0b4f3c2b9a1d8e7f6c5b4a39281706f5e4d3c2b1a098765", Salt = "k2Vq9xT1" },
                new IdentityObject { IdentityType = Ob3Terms.IdentityTypeName, Hashed = false, IdentityHash = learnerName },
            ],
            ActivityStartDate = new DateTimeOffset(2026, 2, 9, 0, 0, 0, TimeSpan.Zero),
            ActivityEndDate = new DateTimeOffset(2026, 6, 12, 0, 0, 0, TimeSpan.Zero),
            CreditsEarned = ects,
            Term = "2025-2026 semester 2",
            Result = grade is null ? null : [new Result { ResultDescription = "https://credentials.nova-academy.be/achievements/dsh-2026/results/final", Value = grade, Status = "Completed" }],
            Achievement = new Achievement
            {
                Id = "https://credentials.nova-academy.be/achievements/dsh-2026",
                AchievementType = Ob3Terms.MicroCredentialAchievementType,
                Name = titleEn,
                Description = "Short accredited course on data analysis, statistics and machine learning for healthcare professionals.",
                Criteria = new Criteria { Id = "https://www.nova-academy.be/microcredentials/dsh", Narrative = "Pass the written exam (min. 10/20) and the project." },
                HumanCode = "MC-DSH-07",
                InLanguage = "nl",
                CreditsAvailable = ects,
                ResultDescription = grade is null ? null :
                [
                    new ResultDescription { Id = "https://credentials.nova-academy.be/achievements/dsh-2026/results/final", Name = "Final mark", ResultType = "ScaledScore", ValueMin = "0", ValueMax = "20", RequiredValue = "10" },
                ],
                LocalizedName = new Dictionary<string, string> { ["nl"] = titleNl, ["en"] = titleEn },
                LocalizedDescription = new Dictionary<string, string>
                {
                    ["nl"] = "De houder kan gezondheidsgegevens verantwoord verzamelen, analyseren en interpreteren, en eenvoudige voorspellende modellen bouwen en kritisch beoordelen in een klinische context.",
                    ["en"] = "The holder can responsibly collect, analyse and interpret health data, and build and critically appraise simple predictive models in a clinical context.",
                },
                LearningOutcome = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["nl"] =
                    [
                        "Gezondheidsgegevens uit elektronische patiëntendossiers opschonen, koppelen en beschrijven met reproduceerbare code.",
                        "Geschikte statistische methoden kiezen en toepassen op klinische vraagstellingen, en de resultaten correct rapporteren.",
                        "Eenvoudige voorspellende modellen (regressie, beslisbomen) bouwen, valideren en hun beperkingen uitleggen aan zorgverleners.",
                        "Privacy, ethiek en de AVG toepassen bij het gebruik van gezondheidsgegevens.",
                        "Een data-analyse helder communiceren aan een multidisciplinair zorgteam.",
                    ],
                    ["en"] =
                    [
                        "Clean, link and describe health data from electronic patient records with reproducible code.",
                        "Choose and apply suitable statistical methods to clinical questions, and report the results correctly.",
                        "Build and validate simple predictive models (regression, decision trees) and explain their limits to clinicians.",
                        "Apply privacy, ethics and the GDPR when using health data.",
                        "Communicate a data analysis clearly to a multidisciplinary care team.",
                    ],
                },
                EctsCredits = ects,
                NotionalWorkload = "PT150H",
                EqfLevel = "http://data.europa.eu/snb/eqf/7",
                AssessmentType = new Dictionary<string, string> { ["nl"] = "Schriftelijk examen (60%) en individueel project (40%)", ["en"] = "Written exam (60%) and individual project (40%)" },
                ParticipationMode = new Dictionary<string, string> { ["nl"] = "Blended: online en op de campus in Gent", ["en"] = "Blended: online and on campus in Ghent" },
                QualityAssurance = new Dictionary<string, string> { ["nl"] = "Opleiding binnen het instellingsreview-kader van de universiteit, geaccrediteerd door NVAO", ["en"] = "Programme within the university's institutional review framework, accredited by NVAO" },
                Prerequisites = new Dictionary<string, string> { ["nl"] = "Bachelordiploma in een gezondheidsgerelateerde richting", ["en"] = "Bachelor's degree in a health-related field" },
                SupervisionAndIdVerification = new Dictionary<string, string> { ["nl"] = "Examen onder toezicht, identiteit gecontroleerd op de campus", ["en"] = "Supervised exam, identity checked on campus" },
                Stackability = new Dictionary<string, string> { ["nl"] = "Stapelbaar naar de postgraduaatopleiding Health Data Science (20 ECTS)", ["en"] = "Stackable towards the postgraduate certificate in Health Data Science (20 ECTS)" },
            },
        },
        Proof =
        [
            new JsonObject
            {
                ["type"] = "DataIntegrityProof",
                ["cryptosuite"] = "eddsa-rdfc-2022",
                ["created"] = "2026-06-30T09:00:00Z",
                ["verificationMethod"] = "did:web:credentials.nova-academy.be#z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH",
                ["proofPurpose"] = "assertionMethod",
                ["proofValue"] = "z58DAdFfa9SkqZMVPxAQpic7ndSayn1PzZs6ZjWp1CktyGesjuTSwRdoWhAfGFCF5bppETSTojQCrfFPP2oumHKtz",
            },
        ],
    };

    public static string Json(OpenBadgeCredential? credential = null) => CredentialJson.Serialize(credential ?? Credential());

    public const string Jwt = "eyJhbGciOiJFUzI1NiIsImtpZCI6Im5vdmEtZXMyNTYiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJkaWQ6d2ViOmNyZWRlbnRpYWxzLm5vdmEtYWNhZGVteS5iZSJ9.c2lnbmF0dXJl";

    public static CertificateModel Model(CertificateLanguage language = CertificateLanguage.English, OpenBadgeCredential? credential = null) => new()
    {
        CredentialJson = Json(credential),
        CredentialJwt = Jwt,
        Language = language,
        VerificationUrl = new Uri("https://credentials.nova-academy.be/v/q7Hk2mPx9LwZ4rTb8cVn3s"),
        CredentialHandle = "q7Hk2mPx9LwZ4rTb8cVn3s",
        ShortCode = "K7QD-M4XP",
        SignatoryName = "Prof. dr. Hilde Vermeulen",
        SignatoryTitle = "Director, Nova Academy for Lifelong Learning",
    };
}
