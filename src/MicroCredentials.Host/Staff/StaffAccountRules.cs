using System.Security.Cryptography;
using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// What a local account needs (a sign-in name, the person's name, a password Identity's validators accept), checked the same
/// way by the setup link and the accounts page; refusals are translated sentences, not exceptions.
/// </summary>
internal static class StaffAccountRules
{
    /// <summary>Checks the fields and builds the account with a hashed password, or says what is wrong.</summary>
    public static async Task<(StaffAccount? Account, string? Error)> NewAccountAsync(UserManager<StaffUser> users, IStringLocalizer<StaffTexts> s,
        string? userName, string? displayName, StaffRole role, string? password)
    {
        var name = (userName ?? string.Empty).Trim();
        var display = (displayName ?? string.Empty).Trim();
        if (name.Length is 0 or > HostLimits.StaffNameMaxLength || name.Any(char.IsControl) || name.Any(char.IsWhiteSpace))
        {
            return (null, s["Account.Error.UserName", HostLimits.StaffNameMaxLength]);
        }

        if (display.Length is 0 or > HostLimits.StaffNameMaxLength || display.Any(char.IsControl))
        {
            return (null, s["Account.Error.DisplayName", HostLimits.StaffNameMaxLength]);
        }

        var user = new StaffUser { UserName = name, NormalizedName = users.NormalizeName(name), DisplayName = display, Role = role, SecurityStamp = NewStamp() };
        if (await PasswordErrorAsync(users, s, user, password) is { } error)
        {
            return (null, error);
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        return (user.ToAccount(), null);
    }

    /// <summary>Why a password is refused (too short, too long, too few different characters), or null.</summary>
    public static async Task<string?> PasswordErrorAsync(UserManager<StaffUser> users, IStringLocalizer<StaffTexts> s, StaffUser user, string? password)
    {
        if (password is not { Length: > 0 and <= HostLimits.StaffPasswordMaxLength })
        {
            return s["Account.Error.Password", HostLimits.StaffPasswordMinLength, HostLimits.StaffPasswordMaxLength];
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded)
            {
                return s["Account.Error.Password", HostLimits.StaffPasswordMinLength, HostLimits.StaffPasswordMaxLength];
            }
        }

        return null;
    }

    /// <summary>A new security stamp: changing it ends every session of the account.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
