namespace MicroCredentials.Data.Backup;

/// <summary>How a restore ended.</summary>
public enum RestoreOutcome
{
    /// <summary>Everything asked for was written.</summary>
    Restored,

    /// <summary>A target file exists and overwriting was not allowed: nothing was written.</summary>
    WouldOverwrite,

    /// <summary>The file is not a backup of this program (or is damaged): nothing was written.</summary>
    NotABackup,

    /// <summary>The passphrase does not open the encrypted private keys: nothing was written.</summary>
    WrongPassphrase,
}
