using System.Globalization;
using System.Security.Cryptography;
using MicroCredentials.Catalog;
using MicroCredentials.Model;

namespace MicroCredentials.Issuance;

/// <summary>
/// Builds the unsigned <see cref="OpenBadgeCredential"/> for one learner who passed one micro-credential, with
/// every EU Annex I mandatory element (STANDARDS §8): learner (by name; the salted e-mail hash only when asked for, see
/// <see cref="IncludeEmailHash"/>), title, issuer country,
/// awarding body, date of issuing, learning outcomes, workload (ECTS and hours), EQF level, assessment,
/// participation and quality assurance — plus the optional ones the catalogue gives.
/// </summary>
public sealed class CredentialFactory
{
    private readonly TimeProvider _time;
    private readonly Profile _issuer;
    private readonly string _baseUrl;

    /// <summary>
    /// Whether the learner is also identified by a salted e-mail hash (<c>identityType: emailAddress</c>). Default
    /// false: the learner is identified by name only (<c>identityType: name</c>, <c>hashed: false</c>, as OB 3.0
    /// allows).
    /// </summary>
    /// <remarks>
    /// The hash is <c>SHA-256(e-mail ‖ salt)</c> with the salt in the same public credential, next to the learner's name.
    /// The salt stops precomputed tables, not guessing: whoever holds the credential can try <c>first.last@domain</c>
    /// and a handful of variants and is told at once which address is the learner's (OB 3.0 §B.1.10; issue 11 point 7).
    /// Turn it on only when employers must match an address they already know, and tell learners.
    /// </remarks>
    public bool IncludeEmailHash { get; init; }

    /// <summary>Creates a factory for one issuer.</summary>
    /// <param name="time">The clock; <c>validFrom</c> is its current time, truncated to whole seconds.</param>
    /// <param name="issuer">The issuer profile (see <see cref="BuildIssuer"/>).</param>
    /// <param name="publicBaseUrl">The host's public base URL; achievement ids live under it.</param>
    public CredentialFactory(TimeProvider time, Profile issuer, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        _time = time;
        _issuer = issuer;
        _baseUrl = publicBaseUrl.ToString().TrimEnd('/');
    }

    /// <summary>The OB <c>Profile</c> of the awarding body, with its <c>did:web</c> id.</summary>
    public static Profile BuildIssuer(IssuerProfileDefinition definition, string issuerId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        return new Profile
        {
            Id = issuerId,
            Name = definition.Name,
            Url = definition.Url,
            Email = definition.Email,
            Address = new Address
            {
                AddressCountry = definition.Country,
                AddressCountryCode = definition.CountryCode,
                AddressRegion = definition.Region,
                AddressLocality = definition.Locality,
                StreetAddress = definition.StreetAddress,
                PostalCode = definition.PostalCode,
            },
            OtherIdentifier = definition.RegistrationNumber is { } kbo
                ? [new IdentifierEntry { Identifier = kbo, IdentifierType = "ext:KBOnumber" }]
                : null,
        };
    }

    /// <summary>The achievement id of a catalogue entry: <c>&lt;base&gt;/achievements/&lt;code&gt;/&lt;version&gt;</c>.</summary>
    public string AchievementId(MicroCredentialDefinition mc)
    {
        ArgumentNullException.ThrowIfNull(mc);
        return $"{_baseUrl}/achievements/{Uri.EscapeDataString(mc.Code)}/{Uri.EscapeDataString(mc.Version)}";
    }

    /// <summary>Builds the unsigned credential.</summary>
    /// <param name="mc">The catalogue entry (validated by <see cref="CatalogLoader"/>).</param>
    /// <param name="learner">The learner row.</param>
    /// <param name="credentialStatus">
    /// Status entries allocated by storage, if any: one entry becomes a single <c>credentialStatus</c> object (the OB 3.0
    /// schema allows no array); several become an array (VC 2.0 allows it; the OB 3.0 schema does not).
    /// </param>
    /// <param name="credentialId">The id to use (a re-run of an interrupted batch reuses it); a fresh unguessable one when null.</param>
    public OpenBadgeCredential Create(MicroCredentialDefinition mc, LearnerRow learner,
        IReadOnlyList<BitstringStatusListEntry>? credentialStatus = null, string? credentialId = null)
    {
        ArgumentNullException.ThrowIfNull(mc);
        ArgumentNullException.ThrowIfNull(learner);
        var now = _time.GetUtcNow();
        var validFrom = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var achievementId = AchievementId(mc);
        var titleEn = LocalizedText.Pick(mc.Title, "en")!;

        return new OpenBadgeCredential
        {
            // Our context follows the deployment's address, where the host serves it (DESIGN §4).
            Context = [Ob3Terms.VcV2Context, Ob3Terms.Ob303Context, Ob3Terms.ObExtensionsContext, JsonLd.ContextUrls.MicroCredentialV1At(_baseUrl)],
            Id = credentialId ?? NewCredentialId(),
            Name = $"{titleEn} ({mc.Ects.ToString(CultureInfo.InvariantCulture)} ECTS)",
            Description = LocalizedText.Pick(mc.Description, "en"),
            Issuer = _issuer,
            ValidFrom = validFrom,
            AwardedDate = Midnight(learner.Awarded),
            CredentialSubject = new AchievementSubject
            {
                Identifier = Identifiers(learner),
                Achievement = BuildAchievement(mc, achievementId),
                ActivityStartDate = learner.Start is { } s ? Midnight(s) : null,
                ActivityEndDate = learner.End is { } e ? Midnight(e) : null,
                CreditsEarned = mc.Ects,
                Result = [BuildResult(mc, learner, achievementId)],
            },
            CredentialSchema = [CredentialSchema.AchievementCredential],
            CredentialStatus = credentialStatus is { Count: > 0 } ? credentialStatus : null,
        };
    }

    private List<IdentityObject> Identifiers(LearnerRow learner)
    {
        var byName = new IdentityObject { Hashed = false, IdentityType = Ob3Terms.IdentityTypeName, IdentityHash = learner.Name };
        return IncludeEmailHash ? [IdentityHash.ForEmail(learner.Email), byName] : [byName];
    }

    private Achievement BuildAchievement(MicroCredentialDefinition mc, string achievementId) => new()
    {
        Id = achievementId,
        AchievementType = Ob3Terms.MicroCredentialAchievementType,
        Name = LocalizedText.Pick(mc.Title, "en")!,
        Description = LocalizedText.Pick(mc.Description, "en")!,
        Criteria = new Criteria { Id = mc.Url, Narrative = LocalizedText.Pick(mc.Criteria, "en") },
        HumanCode = mc.Code,
        FieldOfStudy = mc.FieldOfStudy,
        InLanguage = mc.Language,
        CreditsAvailable = mc.Ects,
        Version = mc.Version,
        Creator = _issuer,
        Alignment = BuildAlignments(mc),
        ResultDescription = mc.GradingScale is { } scale
            ? [new ResultDescription
            {
                Id = achievementId + "#result",
                Name = LocalizedText.Pick(scale.Name, "en") ?? "Final mark",
                ResultType = scale.ResultType,
                ValueMin = scale.Min,
                ValueMax = scale.Max,
                RequiredValue = scale.Pass,
            }]
            : null,
        LocalizedName = mc.Title,
        LocalizedDescription = mc.Description,
        LearningOutcome = mc.LearningOutcomes,
        EctsCredits = mc.Ects,
        NotionalWorkload = $"PT{mc.NotionalHours.ToString(CultureInfo.InvariantCulture)}H",
        EqfLevel = Ob3Terms.EqfLevelPrefix + mc.EqfLevel.ToString(CultureInfo.InvariantCulture),
        AssessmentType = mc.AssessmentType,
        ParticipationMode = mc.ParticipationMode,
        QualityAssurance = mc.QualityAssurance,
        Prerequisites = mc.Prerequisites,
        SupervisionAndIdVerification = mc.SupervisionAndIdVerification,
        Stackability = mc.Stackability,
    };

    private static List<Alignment> BuildAlignments(MicroCredentialDefinition mc)
    {
        var level = mc.EqfLevel.ToString(CultureInfo.InvariantCulture);
        var list = new List<Alignment>
        {
            new()
            {
                TargetName = $"EQF level {level}",
                TargetUrl = Ob3Terms.EqfLevelPrefix + level,
                TargetFramework = "European Qualifications Framework",
                TargetCode = level,
            },
        };
        foreach (var skill in mc.EscoSkills ?? [])
        {
            list.Add(new Alignment { TargetName = skill.Name, TargetUrl = skill.Url, TargetFramework = "ESCO" });
        }

        return list;
    }

    private static Result BuildResult(MicroCredentialDefinition mc, LearnerRow learner, string achievementId) =>
        mc.GradingScale is { ResultType: not "Status" } && learner.Grade is { } grade
            ? new Result { ResultDescription = achievementId + "#result", Value = grade.Replace(',', '.'), Status = "Completed" }
            : new Result { Status = "Completed" };

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A random (version 4) UUID URN from the cryptographic RNG: unguessable.</summary>
    public static string NewCredentialId()
    {
        Span<byte> b = stackalloc byte[16];
        RandomNumberGenerator.Fill(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(b, bigEndian: true).ToString("D");
    }
}
