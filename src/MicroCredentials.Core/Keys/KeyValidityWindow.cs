namespace MicroCredentials.Keys;

/// <summary>
/// When a key was the issuer's signing key: from <see cref="ValidFrom"/> (inclusive) until <see cref="ValidUntil"/>
/// (exclusive). A credential dated inside the window may be signed with the key; one dated outside it may not (a key
/// retired by a rotation, or a leaked key used later). Null bounds are open.
/// </summary>
/// <param name="ValidFrom">First moment of use; null for "since the beginning" (keys from before the history existed).</param>
/// <param name="ValidUntil">The rotation moment that retired the key; null while it is (or will be) the signing key.</param>
public sealed record KeyValidityWindow(DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
{
    /// <summary>True when <paramref name="at"/> lies inside the window.</summary>
    public bool Contains(DateTimeOffset at) => (ValidFrom is not { } from || at >= from) && (ValidUntil is not { } until || at < until);
}
