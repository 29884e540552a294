using System.Globalization;
using MicroCredentials.Data;
using Microsoft.AspNetCore.Identity;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// ASP.NET Core Identity's user store on our own database (SQLite or PostgreSQL through <see cref="CredentialStore"/>; no
/// EF Core): names, password hashes, security stamps, lockout and passkeys. Creating accounts goes through the store's audited
/// methods; <see cref="UpdateAsync"/> saves Identity's bookkeeping (failed count, lockout, rehashed passwords).
/// </summary>
internal sealed class StaffUserStore(CredentialStore store) :
    IUserPasswordStore<StaffUser>, IUserLockoutStore<StaffUser>, IUserSecurityStampStore<StaffUser>, IUserPasskeyStore<StaffUser>
{
    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.IdText);

    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedName);

    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedName = normalizedName ?? string.Empty;
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var (outcome, created) = await store.CreateAccountAsync(user.ToAccount(), "identity", cancellationToken);
        if (outcome != AccountSaveOutcome.Saved)
        {
            return IdentityResult.Failed(new IdentityError { Code = nameof(AccountSaveOutcome.NameTaken), Description = "The sign-in name is taken." });
        }

        user.Id = created!.Id;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken) =>
        await store.UpdateAccountAsync(user.ToAccount(), null, cancellationToken) == AccountSaveOutcome.Saved
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "NotSaved", Description = "The account was not saved." });

    public Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Staff accounts are disabled, never deleted: the audit log names them.");

    public async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await store.FindAccountAsync(id, cancellationToken) is { } a
            ? StaffUser.From(a)
            : null;

    public async Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        await store.FindAccountByNameAsync(normalizedUserName, cancellationToken) is { } a ? StaffUser.From(a) : null;

    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(++user.FailedCount);

    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken)
    {
        user.FailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.FailedCount);

    // Every local account is subject to lockout.
    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public void Dispose()
    {
    }

    // Passkeys. A registration goes through StaffPasskeys (audited with the person's name); Identity's own calls here are
    // the bookkeeping of a sign-in (sign count, flags) and the look-ups of an assertion.
    public async Task AddOrUpdatePasskeyAsync(StaffUser user, UserPasskeyInfo passkey, CancellationToken cancellationToken) =>
        await store.SavePasskeyAsync(ToStored(user.Id, passkey), actor: null, cancellationToken);

    public async Task<IList<UserPasskeyInfo>> GetPasskeysAsync(StaffUser user, CancellationToken cancellationToken) =>
        [.. (await store.ListPasskeysAsync(user.Id, cancellationToken)).Select(ToInfo)];

    public async Task<StaffUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        await store.FindPasskeyAsync(credentialId, cancellationToken) is { } passkey ? await FindByIdAsync(passkey.AccountId.ToString(CultureInfo.InvariantCulture), cancellationToken) : null;

    public async Task<UserPasskeyInfo?> FindPasskeyAsync(StaffUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        await store.FindPasskeyAsync(credentialId, cancellationToken) is { } passkey && passkey.AccountId == user.Id ? ToInfo(passkey) : null;

    public async Task RemovePasskeyAsync(StaffUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        await store.RemovePasskeyAsync(user.Id, credentialId, StaffPrincipal.Actor(user.DisplayName, user.UserName), cancellationToken);

    /// <summary>The stored form of a passkey Identity verified.</summary>
    public static StaffPasskey ToStored(long accountId, UserPasskeyInfo p, DateTimeOffset? lastUsed = null) => new(
        p.CredentialId, accountId, p.Name ?? string.Empty, p.PublicKey, p.CreatedAt, p.SignCount, string.Join(',', p.Transports ?? []),
        p.IsUserVerified, p.IsBackupEligible, p.IsBackedUp, p.AttestationObject, p.ClientDataJson, lastUsed);

    private static UserPasskeyInfo ToInfo(StaffPasskey p) => new(
        p.CredentialId, p.PublicKey, p.CreatedAt, (uint)Math.Clamp(p.SignCount, 0, uint.MaxValue),
        p.Transports.Length == 0 ? [] : p.Transports.Split(','), p.IsUserVerified, p.IsBackupEligible, p.IsBackedUp,
        p.AttestationObject, p.ClientDataJson)
    { Name = p.Name };
}
