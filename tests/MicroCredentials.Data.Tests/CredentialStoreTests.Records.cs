namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    [Test]
    public async Task VerifyApiKey_CreatedKey_IsValidUntilRevoked()
    {
        var created = await Store.CreateApiKeyAsync("registrar batch", ApiKeyRole.Issuer, "admin", None);

        var valid = await Store.VerifyApiKeyAsync(created.PlainKey, None);
        Assert.That(valid.Outcome, Is.EqualTo(ApiKeyVerificationOutcome.Valid));
        Assert.That(valid.Key, Is.EqualTo(created.Key));
        Assert.That(created.PlainKey, Does.StartWith($"mck_{created.Key.Id}_"));

        Assert.That(await Store.RevokeApiKeyAsync(created.Key.Id, "admin", None), Is.True);
        Assert.That(await Store.RevokeApiKeyAsync(created.Key.Id, "admin", None), Is.False);
        var revoked = await Store.VerifyApiKeyAsync(created.PlainKey, None);
        Assert.That(revoked.Outcome, Is.EqualTo(ApiKeyVerificationOutcome.Revoked));
        Assert.That(revoked.IsValid, Is.False);
        Assert.That((await Store.ListApiKeysAsync(None)).Single().RevokedAt, Is.EqualTo(Start));
    }

    [TestCase("", ApiKeyVerificationOutcome.Malformed, TestName = "VerifyApiKey_Empty_IsMalformed")]
    [TestCase("Bearer abc", ApiKeyVerificationOutcome.Malformed, TestName = "VerifyApiKey_WrongPrefix_IsMalformed")]
    [TestCase("mck_x_0123456789012345678901234567890123456789012", ApiKeyVerificationOutcome.Malformed, TestName = "VerifyApiKey_NonNumericId_IsMalformed")]
    [TestCase("mck_999_0123456789012345678901234567890123456789012", ApiKeyVerificationOutcome.Unknown, TestName = "VerifyApiKey_UnknownId_IsUnknown")]
    public async Task VerifyApiKey_BadText_IsRejected(string text, ApiKeyVerificationOutcome expected)
    {
        await Store.CreateApiKeyAsync("k", ApiKeyRole.Administrator, "admin", None);

        Assert.That((await Store.VerifyApiKeyAsync(text, None)).Outcome, Is.EqualTo(expected));
    }

    [Test]
    public async Task VerifyApiKey_RightIdWrongSecret_IsUnknown()
    {
        var created = await Store.CreateApiKeyAsync("k", ApiKeyRole.Issuer, "admin", None);
        var tampered = created.PlainKey[..^1] + (created.PlainKey[^1] == 'A' ? 'B' : 'A');

        var result = await Store.VerifyApiKeyAsync(tampered, None);

        Assert.That(result.Outcome, Is.EqualTo(ApiKeyVerificationOutcome.Unknown));
        Assert.That(result.Key, Is.Null);
    }

    [Test]
    public async Task QueryAudit_IssueSuspendRevoke_RecordsWhoWhatAndWhen()
    {
        var issued = await IssueAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        await Store.SuspendAsync(issued.Id, "check", "staff:an", None);
        Time.Advance(TimeSpan.FromMinutes(5));
        await Store.RevokeAsync(issued.Id, "fraud", "staff:bo", None);
        await Store.CreateApiKeyAsync("k", ApiKeyRole.Issuer, "admin", None);

        var forCredential = await Store.QueryAuditAsync(issued.Id, 0, 10, None);
        var all = await Store.QueryAuditAsync(null, 0, 10, None);

        Assert.That(forCredential.Select(e => (e.Action, e.Actor, e.At, e.Detail)), Is.EqualTo(new[]
        {
            (AuditAction.Revoke, "staff:bo", Start.AddMinutes(10), (string?)"fraud"),
            (AuditAction.Suspend, "staff:an", Start.AddMinutes(5), "check"),
            (AuditAction.Issue, "api-key:registrar", Start, null),
        }));
        Assert.That(all, Has.Count.EqualTo(4));
        Assert.That(all[0].Action, Is.EqualTo(AuditAction.ApiKeyCreate));
        Assert.That(all[0].CredentialId, Is.Null);
    }

    [Test]
    public async Task UpsertLearner_SameEmailHash_KeepsIdAndUpdatesName()
    {
        var hash = LearnerEmailHash.Compute("0123456789abcdef"u8, "An.Peeters@Example.be");

        var first = await Store.UpsertLearnerAsync(hash, "An Peters", None);
        var second = await Store.UpsertLearnerAsync(hash, "An Peeters", None);

        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(await Store.FindLearnerByEmailHashAsync(hash, None), Is.EqualTo(new Learner(first.Id, hash, "An Peeters")));
        Assert.That(await Store.GetLearnerAsync(first.Id, None), Is.EqualTo(second));
        Assert.That(await Store.FindLearnerByEmailHashAsync(new string('0', 64), None), Is.Null);
    }

    [Test]
    public async Task SaveCatalogueVersion_VersionsAreImmutable()
    {
        const string Json = """{"code":"MC-DS","ects":6}""";

        Assert.That(await Store.SaveCatalogueVersionAsync("MC-DS", "2026.1", Json, "staff", None), Is.EqualTo(CatalogueSaveOutcome.Inserted));
        Assert.That(await Store.SaveCatalogueVersionAsync("MC-DS", "2026.1", Json, "staff", None), Is.EqualTo(CatalogueSaveOutcome.Unchanged));
        Assert.That(await Store.SaveCatalogueVersionAsync("MC-DS", "2026.1", """{"code":"MC-DS","ects":5}""", "staff", None), Is.EqualTo(CatalogueSaveOutcome.Conflict));
        Assert.That(await Store.SaveCatalogueVersionAsync("MC-DS", "2026.2", """{"code":"MC-DS","ects":5}""", "staff", None), Is.EqualTo(CatalogueSaveOutcome.Inserted));

        var stored = await Store.GetCatalogueVersionAsync("MC-DS", "2026.1", None);
        Assert.That(stored!.Json, Is.EqualTo(Json));
        Assert.That(stored.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Json)))));
        Assert.That((await Store.ListCatalogueVersionsAsync("MC-DS", None)).Select(v => v.Version), Is.EqualTo(new[] { "2026.1", "2026.2" }));
    }
}
