using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Issuance;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Data.Issuance;

/// <summary>
/// The issuance workflow shared by the host and the CLI: allocate status indexes, build the credential, sign it
/// (Data Integrity <c>eddsa-rdfc-2022</c>, then VC-JWT over the signed credential), and persist it — idempotently
/// (the same learner, micro-credential and award date give the same credential) and transactionally (the store
/// writes a credential with its status entries and audit entry in one transaction; a crash before that leaves only
/// an allocated status index, never reused, and a rerun completes the batch).
/// </summary>
public sealed partial class IssuanceService
{
    private const int MaxIdentifierRetries = 5;

    /// <summary>Corrections followed from a superseded credential to the live one: a chain longer than this is a loop.</summary>
    private const int MaxSupersessionHops = 100;
    private readonly CredentialStore _store;
    private readonly IssuerKeySet _keys;
    private readonly TimeProvider _time;
    private readonly IssuanceOptions _options;
    private readonly byte[] _downloadSecret;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The credential store.</param>
    /// <param name="keys">The issuer's keys (its <see cref="IssuerKeySet.IssuerId"/> is the issuer id).</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">Issuance options.</param>
    /// <param name="downloadSecret">At least 32 bytes shared by every instance; download tokens are derived from it.</param>
    public IssuanceService(CredentialStore store, IssuerKeySet keys, TimeProvider time, IssuanceOptions options, byte[] downloadSecret)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(downloadSecret);
        if (downloadSecret.Length < 32)
        {
            throw new ArgumentException("The download link secret must be at least 32 bytes.", nameof(downloadSecret));
        }

        _store = store;
        _keys = keys;
        _time = time;
        _options = options;
        _downloadSecret = downloadSecret;
    }

    /// <summary>The store this service writes to.</summary>
    public CredentialStore Store => _store;

    /// <summary>The options in force.</summary>
    public IssuanceOptions Options => _options;

    /// <summary>The graduate's download URL of a stored credential (re-derivable at any time).</summary>
    public string DownloadUrlFor(string credentialId) => _options.DownloadUrl(CredentialHandles.DownloadToken(_downloadSecret, credentialId));

    /// <summary>Issues one award, or returns the credential issued for it before.</summary>
    /// <param name="catalog">The catalogue (its issuer profile becomes the credential's issuer).</param>
    /// <param name="learner">The learner row (validated by <see cref="LearnerCsvReader"/>).</param>
    /// <param name="actor">Who issues (API key name or staff user), for the audit log.</param>
    /// <param name="cancellationToken">Cancels the storage work.</param>
    public Task<IssueResult> IssueAsync(MicroCredentialCatalog catalog, LearnerRow learner, string actor, CancellationToken cancellationToken) =>
        IssueCoreAsync(catalog, learner, actor, supersedes: null, emailCorrectionAudit: null, reissueReason: null, cancellationToken);

    private async Task<IssueResult> IssueCoreAsync(MicroCredentialCatalog catalog, LearnerRow learner, string actor,
        StoredCredential? supersedes, string? emailCorrectionAudit, string? reissueReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var span = _options.ActivitySource?.StartActivity("issue");
        var mc = catalog.Find(learner.Code);
        if (mc is null)
        {
            return Rejected(learner, $"code: '{learner.Code}' is not in the catalogue.");
        }

        // The CSV reader checked these already; a row built in code must pass the same rules before it is signed.
        if (RowProblem(learner) is { } problem)
        {
            return Rejected(learner, problem);
        }

        // A correction takes over the award's key from the credential it replaces (the store moves it in its transaction).
        var key = IdempotencyKey.For(learner);
        if (await _store.FindByIdempotencyKeyAsync(key, cancellationToken) is { } existing && existing.Id != supersedes?.Id)
        {
            return Done(IssueOutcome.AlreadyIssued, learner, await LiveAsync(existing, cancellationToken));
        }

        var saved = await _store.SaveCatalogueVersionAsync(mc.Code, mc.Version, System.Text.Json.JsonSerializer.Serialize(mc), actor, cancellationToken);
        if (saved == CatalogueSaveOutcome.Conflict)
        {
            return Rejected(learner, $"code: catalogue entry {mc.Code} version {mc.Version} differs from the one already used to issue credentials; give the changed entry a new version.");
        }

        var learnerRecord = await _store.UpsertLearnerAsync(LearnerEmailHash.Compute(LearnerPepper(), learner.NormalizedEmail), learner.Name, cancellationToken);
        var allocation = await _store.AllocateStatusAsync(cancellationToken);
        var factory = new CredentialFactory(_time, CredentialFactory.BuildIssuer(catalog.Issuer, _keys.IssuerId), _options.PublicBaseUrl)
        {
            IncludeEmailHash = _options.IncludeEmailHash,
        };

        for (var attempt = 0; ; attempt++)
        {
            var credentialId = CredentialFactory.NewCredentialId();
            var credential = factory.Create(mc, learner, StatusEntries(allocation), credentialId);
            var (json, jwt) = Sign(credential);
            var record = new IssuedCredentialRecord
            {
                Id = credential.Id,
                Handle = CredentialHandles.NewHandle(),
                ShortCode = CredentialHandles.NewShortCode(),
                IdempotencyKey = key,
                LearnerId = learnerRecord.Id,
                AchievementId = credential.CredentialSubject.Achievement.Id,
                CatalogueVersion = mc.Version,
                CredentialJson = json,
                LearnerName = credential.CredentialSubject.LearnerName,
                Jwt = jwt,
                IssuedAt = credential.ValidFrom,
                AwardedAt = credential.AwardedDate,
                Status = allocation,
                Supersedes = supersedes?.Id,
                DownloadToken = CredentialHandles.DownloadToken(_downloadSecret, credential.Id),
                Actor = actor,
                EmailCorrection = emailCorrectionAudit,
                ReissueReason = reissueReason,
            };
            var stored = await _store.InsertIssuedAsync(record, cancellationToken);
            switch (stored.Outcome)
            {
                case StoreOutcome.Inserted:
                    _options.Issued?.Invoke(record.AchievementId);
                    return Done(IssueOutcome.Issued, learner, stored.Credential!);
                case StoreOutcome.AlreadyIssued:
                    // Another instance issued the same award between our look-up and our insert.
                    return Done(IssueOutcome.AlreadyIssued, learner, await LiveAsync(stored.Credential!, cancellationToken));
                case StoreOutcome.SupersedesUnavailable:
                    return Rejected(learner, "the credential to correct no longer exists or was already corrected.");
                default:
                    if (attempt >= MaxIdentifierRetries)
                    {
                        throw new InvalidOperationException($"Could not find a free identifier after {MaxIdentifierRetries} attempts ({stored.Outcome}).");
                    }

                    continue; // a random handle, short code or id collided: draw new ones
            }
        }
    }

    /// <summary>The pepper of the learners table's e-mail hashes (derived from the download secret).</summary>
    private byte[] LearnerPepper() => System.Security.Cryptography.HMACSHA256.HashData(_downloadSecret, "learner-lookup-pepper-v1"u8);

    /// <summary>Why a learner row may not be signed (the name and date rules of <see cref="LearnerCsvReader"/>), or null.</summary>
    private string? RowProblem(LearnerRow learner)
    {
        var name = LearnerName.Check(learner.Name);
        if (name.Problem is { } nameProblem)
        {
            return $"name: {nameProblem}";
        }

        if (name.Name != learner.Name)
        {
            return "name: the name is not in its checked form (trimmed, NFC); read learners through LearnerCsvReader.";
        }

        foreach (var (field, date) in new[] { ("start", learner.Start), ("end", learner.End) })
        {
            if (date is { } d && AwardDates.YearProblem(d) is { } yearProblem)
            {
                return $"{field}: {yearProblem}";
            }
        }

        return AwardDates.AwardedProblem(learner.Awarded, learner.Start, AwardDates.Today(_time)) is { } awardedProblem ? $"awarded: {awardedProblem}" : null;
    }

    /// <summary>
    /// The live credential of an award: a credential found by its key may have been corrected since (an e-mail
    /// correction leaves the old key on the superseded credential); follow <c>superseded_by</c> to the last one.
    /// </summary>
    private async Task<StoredCredential> LiveAsync(StoredCredential found, CancellationToken cancellationToken)
    {
        var current = found;
        for (var hop = 0; current.SupersededBy is { } next && hop < MaxSupersessionHops; hop++)
        {
            if (await _store.FindByIdAsync(next, cancellationToken) is not { } successor)
            {
                break;
            }

            current = successor;
        }

        return current;
    }

    /// <summary>Signs a credential: Data Integrity proof first, then the VC-JWT over the signed credential (OB 3.0).</summary>
    internal (string Json, string Jwt) Sign(OpenBadgeCredential credential)
    {
        var unsigned = CredentialJson.ToJsonObject(credential);
        // The keys of the credential's own date (a key rotation may take effect at any moment).
        var keys = _keys.SigningAt(credential.ValidFrom);
        var signed = DataIntegritySigner.Sign(unsigned, keys.Ed25519Key, keys.VerificationMethodId, credential.ValidFrom);
        var jwt = VcJwtSigner.Sign(signed, keys.GetJwtSigningKey(_options.JwtAlgorithm));
        return (signed.ToJsonString(CredentialJson.Options), jwt);
    }

    // Both slots are always reserved (the issuer keeps the suspension state either way); the credential names the
    // suspension slot only in the two-entry profile.
    private IReadOnlyList<BitstringStatusListEntry> StatusEntries(StatusAllocation allocation) =>
        StatusEntryFactory.ForProfile(allocation.Revocation.Index, _options.StatusListUrl(allocation.Revocation.ListId),
            _options.IncludeSuspensionStatus ? (allocation.Suspension.Index, _options.StatusListUrl(allocation.Suspension.ListId)) : null);

    private IssueResult Done(IssueOutcome outcome, LearnerRow learner, StoredCredential credential) => new()
    {
        Outcome = outcome,
        Line = learner.Line,
        LearnerName = learner.Name,
        Code = learner.Code,
        Credential = credential,
        VerificationUrl = _options.VerificationUrl(credential.Handle),
        DownloadUrl = DownloadUrlFor(credential.Id),
    };

    private static IssueResult Rejected(LearnerRow learner, string reason) => new()
    {
        Outcome = IssueOutcome.Rejected,
        Line = learner.Line,
        LearnerName = learner.Name,
        Code = learner.Code,
        Reason = reason,
    };

    /// <summary>Reads the signed credential JSON of a stored credential.</summary>
    public static JsonObject ParseCredential(StoredCredential stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonNode.Parse(stored.CredentialJson)!.AsObject();
    }
}
