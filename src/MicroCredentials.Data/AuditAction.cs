namespace MicroCredentials.Data;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>A credential was issued.</summary>
    Issue,

    /// <summary>A credential was revoked.</summary>
    Revoke,

    /// <summary>A credential was suspended.</summary>
    Suspend,

    /// <summary>A credential's suspension was lifted.</summary>
    Unsuspend,

    /// <summary>A catalogue version was saved.</summary>
    CatalogueSave,

    /// <summary>An API key was created.</summary>
    ApiKeyCreate,

    /// <summary>An API key was revoked.</summary>
    ApiKeyRevoke,

    /// <summary>A re-issue corrected the learner's e-mail address (detail: old and new peppered hashes, reason).</summary>
    EmailCorrection,

    /// <summary>The issuer identity was recorded, replaced before any credential existed, or moved to a new address.</summary>
    IssuerIdentity,

    /// <summary>A staff member signed in (detail: how: local account or OpenID Connect).</summary>
    SignIn,

    /// <summary>A staff sign-in was refused (detail: the name tried and why: unknown, wrong password, locked out, disabled, no role).</summary>
    SignInFailed,

    /// <summary>A staff member signed out.</summary>
    SignOut,

    /// <summary>A local staff account was created (detail: user name and role).</summary>
    AccountCreate,

    /// <summary>A local staff account was changed: role, disabled, enabled or password reset (detail: which).</summary>
    AccountChange,
    /// <summary>A staff member registered a passkey for their account, or removed one (detail: which and its name).</summary>
    Passkey,

    /// <summary>A wallet offer (OpenID4VCI) was made for a credential, redeemed, refused or used to issue (detail says which).</summary>
    Wallet,

    /// <summary>An administrator rotated the issuer's keys (detail: the moment, the new and the retired Ed25519 key, file or HSM).</summary>
    KeyRotation,

    /// <summary>An e-mail with the learner's download link was sent (actor: who queued it; detail: job, line, language, the server's answer).</summary>
    EmailSent,

    /// <summary>An e-mail with the learner's download link finally failed (actor: who queued it; detail: job, line, the server's answer).</summary>
    EmailFailed,
}
