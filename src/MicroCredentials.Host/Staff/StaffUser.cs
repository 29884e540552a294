using System.Globalization;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// A local staff account as ASP.NET Core Identity's <c>UserManager</c> works on it (mutable, as Identity needs); read from
/// and written back to <see cref="StaffAccount"/> by <see cref="StaffUserStore"/>.
/// </summary>
internal sealed class StaffUser
{
    public long Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string NormalizedName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public StaffRole Role { get; set; }

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = string.Empty;

    public int FailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string IdText => Id.ToString(CultureInfo.InvariantCulture);

    public static StaffUser From(StaffAccount a) => new()
    {
        Id = a.Id, UserName = a.UserName, NormalizedName = a.NormalizedName, DisplayName = a.DisplayName, Role = a.Role,
        PasswordHash = a.PasswordHash, SecurityStamp = a.SecurityStamp, FailedCount = a.FailedCount, LockoutEnd = a.LockoutEnd,
        Disabled = a.Disabled, CreatedAt = a.CreatedAt,
    };

    public StaffAccount ToAccount() =>
        new(Id, UserName, NormalizedName, DisplayName, Role, PasswordHash, SecurityStamp, FailedCount, LockoutEnd, Disabled, CreatedAt);
}
