namespace MicroCredentials;

/// <summary>Bounds on the key files read at start-up (key history).</summary>
public static partial class CoreLimits
{
    /// <summary>Largest key history file read: <see cref="MaxKeyGenerations"/> generations of about 2.5 KB (keys and seal certificate) fit in 4 MiB.</summary>
    public const long MaxKeyHistoryBytes = 4 * 1024 * 1024;

    /// <summary>Most key generations in a history: a rotation a month for over 80 years; more is a broken file.</summary>
    public const int MaxKeyGenerations = 1000;
}
