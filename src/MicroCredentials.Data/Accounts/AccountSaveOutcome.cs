namespace MicroCredentials.Data;

/// <summary>The result of creating or saving a staff account.</summary>
public enum AccountSaveOutcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>Another account already has this sign-in name.</summary>
    NameTaken,

    /// <summary>No such account.</summary>
    NotFound,

    /// <summary>The setup link is unknown, was used already or expired.</summary>
    SetupLinkInvalid,

    /// <summary>An account exists already, so a setup link creates nothing.</summary>
    AccountsExist,
}
