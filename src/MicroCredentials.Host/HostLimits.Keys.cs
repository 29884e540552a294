namespace MicroCredentials.Host;

/// <summary>Bounds on the administrator's key rotation form (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Longest rotation moment accepted (<c>yyyy-MM-ddTHH:mm:ss</c> and a little room); anything longer is not a moment.</summary>
    public const int KeyRotationMomentMaxLength = 32;
}
