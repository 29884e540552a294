using System.Globalization;
using System.Security.Cryptography;
using MicroCredentials.Catalog;
using MicroCredentials.Model;

namespace MicroCredentials.Issuance;

/// <summary>
/// Builds the unsigned <see cref="OpenBadgeCredential"/> for one learner who passed one micro-credential, with
/// every EU Annex I mandatory element (STANDARDS §8): learner (salted e-mail hash and name), title, issuer country,
/// awarding body, date of issuing, learning outcomes, workload (ECTS and hours), EQF level, assessment,
/// participation and quality assurance — plus the optional ones the catalogue gives.
/// </summary>
public sealed class CredentialFactory
{
    private readonly TimeProvider _time;
    private readonly Profile _issuer;
    private readonly string _baseUrl;

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
    /// <param name="credentialStatus">Status entries allocated by storage (revocation, suspension), if any.</param>
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
                Identifier =
                [
                    IdentityHash.ForEmail(learner.Email),
                    new IdentityObject { Hashed = false, IdentityType = Ob3Terms.IdentityTypeName, IdentityHash = learner.Name },
                ],
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
