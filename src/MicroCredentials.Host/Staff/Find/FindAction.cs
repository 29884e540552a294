using MicroCredentials.Data;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>What an administrator can do to a credential from its page; each asks a reason and a confirmation.</summary>
public enum FindAction
{
    /// <summary>Revoke for good.</summary>
    Revoke,

    /// <summary>Suspend (reversible).</summary>
    Suspend,

    /// <summary>Lift a suspension.</summary>
    Unsuspend,

    /// <summary>Correct the name or grade: a new credential replaces this one.</summary>
    Reissue,
}

/// <summary>Which action fits which state, and each action's address segment.</summary>
internal static class FindActions
{
    /// <summary>The address segment (<c>revoke</c>, <c>suspend</c>, …).</summary>
    public static string Segment(this FindAction action) => action.ToString().ToLowerInvariant();

    /// <summary>Whether <paramref name="action"/> applies to a credential in <paramref name="state"/>.</summary>
    public static bool AppliesTo(this FindAction action, CredentialState state) => action switch
    {
        FindAction.Revoke => state is CredentialState.Valid or CredentialState.Suspended,
        FindAction.Suspend => state is CredentialState.Valid,
        FindAction.Unsuspend => state is CredentialState.Suspended,
        FindAction.Reissue => state is CredentialState.Valid,
        _ => false,
    };
}
