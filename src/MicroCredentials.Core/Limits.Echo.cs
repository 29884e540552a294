namespace MicroCredentials;

/// <summary>Bounds on how much of an uploaded credential is echoed back in answers.</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Most characters of an uploaded value (an IRI, a term, a verification method) repeated in a reason or detail:
    /// enough to recognise it, never megabytes of an attacker's text in every answer and log line.
    /// </summary>
    public const int MaxEchoedChars = 200;
}
