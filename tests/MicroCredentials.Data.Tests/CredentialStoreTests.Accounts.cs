namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    private static StaffAccount NewAccount(string name) =>
        new(0, name, name.ToUpperInvariant(), "Name " + name, StaffRole.Issuer, "hash", "stamp", 0, null, false, default);

    [Test]
    public async Task Accounts_CreateFindUpdate_AuditedAndNamesUnique()
    {
        var (outcome, created) = await Store.CreateAccountAsync(NewAccount("ann"), "admin", None);
        Assert.That(outcome, Is.EqualTo(AccountSaveOutcome.Saved));
        Assert.That((await Store.CreateAccountAsync(NewAccount("ann"), "admin", None)).Outcome, Is.EqualTo(AccountSaveOutcome.NameTaken));

        var locked = created! with { FailedCount = 5, LockoutEnd = Start.AddMinutes(15), Role = StaffRole.Administrator };
        Assert.That(await Store.UpdateAccountAsync(locked, ("admin", "role set"), None), Is.EqualTo(AccountSaveOutcome.Saved));
        var found = await Store.FindAccountByNameAsync("ANN", None);
        Assert.That(found, Is.EqualTo(locked with { CreatedAt = found!.CreatedAt }));
        Assert.That(await Store.UpdateAccountAsync(locked with { Id = 999, NormalizedName = "NOBODY" }, null, None), Is.EqualTo(AccountSaveOutcome.NotFound));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Actor = "ADMIN" }, 0, 10, None);
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { AuditAction.AccountChange, AuditAction.AccountCreate }));
    }

    [Test]
    public async Task SetupToken_ValidForItsTimeOnly_AndSingleUse()
    {
        var token = await Store.CreateSetupTokenAsync(TimeSpan.FromHours(1), None);
        Assert.That(await Store.CheckSetupTokenAsync(token, None), Is.EqualTo(AccountSaveOutcome.Saved));
        Time.Advance(TimeSpan.FromMinutes(61));
        Assert.That(await Store.CheckSetupTokenAsync(token, None), Is.EqualTo(AccountSaveOutcome.SetupLinkInvalid), "expired after an hour");
        Assert.That((await Store.CreateFirstAdministratorAsync(token, NewAccount("late"), None)).Outcome, Is.EqualTo(AccountSaveOutcome.SetupLinkInvalid));

        var fresh = await Store.CreateSetupTokenAsync(TimeSpan.FromHours(1), None);
        var (outcome, admin) = await Store.CreateFirstAdministratorAsync(fresh, NewAccount("first"), None);
        Assert.That((outcome, admin!.Role), Is.EqualTo((AccountSaveOutcome.Saved, StaffRole.Administrator)));
        Assert.That((await Store.CreateFirstAdministratorAsync(fresh, NewAccount("second"), None)).Outcome, Is.EqualTo(AccountSaveOutcome.AccountsExist));
        Assert.That(await Store.CountAccountsAsync(None), Is.EqualTo(1));
    }

    [Test]
    public async Task AuditQuery_ActorFilterTreatsWildcardsAsText()
    {
        await Store.RecordAuditAsync("50% (a_b)", AuditAction.SignIn, null, None);
        await Store.RecordAuditAsync("5000 (axb)", AuditAction.SignIn, null, None);
        Assert.That((await Store.FilterAuditAsync(new AuditQuery { Actor = "0%" }, 0, 10, None)).Single().Actor, Is.EqualTo("50% (a_b)"));
        Assert.That((await Store.FilterAuditAsync(new AuditQuery { Actor = "a_b" }, 0, 10, None)).Single().Actor, Is.EqualTo("50% (a_b)"));
        Assert.That(await Store.FilterAuditAsync(new AuditQuery { Until = Start }, 0, 10, None), Is.Empty);
        Assert.That(await Store.FilterAuditAsync(new AuditQuery { From = Start, Until = Start.AddSeconds(1) }, 0, 10, None), Has.Count.EqualTo(2));
    }
}

public sealed partial class CredentialStoreTests
{
    private static StaffPasskey NewPasskey(long account, byte id, string name) =>
        new([id, 2, 3], account, name, [9, 8, 7], default, 0, "internal,hybrid", true, true, false, [1], [2], null);

    [Test]
    public async Task Passkeys_SavedPerAccount_ForeignIdRefused_UpdatedAndRemovedWithAudit()
    {
        var (_, ann) = await Store.CreateAccountAsync(NewAccount("ann"), "admin", None);
        var (_, bob) = await Store.CreateAccountAsync(NewAccount("bob"), "admin", None);
        var laptop = NewPasskey(ann!.Id, 1, "Laptop") with { CreatedAt = Start };

        Assert.That(await Store.SavePasskeyAsync(laptop, "Name ann (ann)", None), Is.True);
        Assert.That(await Store.SavePasskeyAsync(laptop with { AccountId = bob!.Id }, "Name bob (bob)", None), Is.False, "one credential id, one account");
        var used = laptop with { SignCount = 7, IsBackedUp = true, LastUsedAt = Start.AddMinutes(3) };
        Assert.That(await Store.SavePasskeyAsync(used, actor: null, None), Is.True);

        var found = await Store.FindPasskeyAsync([1, 2, 3], None);
        Assert.That(found, Is.Not.Null);
        Assert.That((found!.AccountId, found.Name, found.SignCount, found.IsBackedUp, found.LastUsedAt, found.Transports),
            Is.EqualTo((ann.Id, "Laptop", 7L, true, (DateTimeOffset?)Start.AddMinutes(3), "internal,hybrid")));
        Assert.That(found.PublicKey, Is.EqualTo(new byte[] { 9, 8, 7 }));
        Assert.That(await Store.ListPasskeysAsync(bob.Id, None), Is.Empty);
        Assert.That(await Store.ListPasskeysAsync(ann.Id, None), Has.Count.EqualTo(1));

        Assert.That(await Store.RemovePasskeyAsync(bob.Id, [1, 2, 3], "Name bob (bob)", None), Is.False, "not bob's to remove");
        Assert.That(await Store.RemovePasskeyAsync(ann.Id, [1, 2, 3], "Name ann (ann)", None), Is.True);
        Assert.That(await Store.FindPasskeyAsync([1, 2, 3], None), Is.Null);
        var audit = await Store.FilterAuditAsync(new AuditQuery { Actor = "(ann)" }, 0, 10, None);
        Assert.That(audit.Select(a => (a.Action, a.Detail)), Is.EqualTo(new[]
        {
            (AuditAction.Passkey, (string?)"passkey removed: Laptop"), (AuditAction.Passkey, (string?)"passkey added: Laptop"),
        }));
    }
}
