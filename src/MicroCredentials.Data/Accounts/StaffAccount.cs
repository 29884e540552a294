namespace MicroCredentials.Data;

/// <summary>A local staff account as stored (the data ASP.NET Core Identity's user manager works on).</summary>
/// <param name="Id">The row id.</param>
/// <param name="UserName">The sign-in name as typed when created.</param>
/// <param name="NormalizedName">The name Identity compares (upper-case), unique.</param>
/// <param name="DisplayName">The person's name, shown in the app and written in the audit log.</param>
/// <param name="Role">What the account may do.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's password hash, or <see langword="null"/> before a password is set.</param>
/// <param name="SecurityStamp">Changes whenever the password, role or state changes, which ends existing sessions.</param>
/// <param name="FailedCount">Consecutive failed sign-ins.</param>
/// <param name="LockoutEnd">Until when sign-in is refused, or <see langword="null"/>.</param>
/// <param name="Disabled">A disabled account cannot sign in.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record StaffAccount(
    long Id,
    string UserName,
    string NormalizedName,
    string DisplayName,
    StaffRole Role,
    string? PasswordHash,
    string SecurityStamp,
    int FailedCount,
    DateTimeOffset? LockoutEnd,
    bool Disabled,
    DateTimeOffset CreatedAt);
