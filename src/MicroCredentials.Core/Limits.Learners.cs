namespace MicroCredentials;

/// <summary>Bounds on the learner data staff send in (CSV rows, the issuance API, the CLI).</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Longest learner name, in Unicode characters after NFC: it is printed on one line of the certificate and the
    /// badge; a 5,000-character name once made one PDF download take over 8 minutes.
    /// </summary>
    public const int MaxLearnerNameLength = 200;

    /// <summary>
    /// Most combining marks after one character: real names need at most a few (Vietnamese: two); long stacks
    /// ("Zalgo" text) draw over the lines around the name.
    /// </summary>
    public const int MaxCombiningMarksInARow = 4;

    /// <summary>Longest e-mail address (RFC 5321 §4.5.3.1: a path holds at most 254 characters of address).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Earliest year of an award, start or end date: ECTS micro-credentials postdate the Bologna process (1999), so an
    /// earlier year is a typo (0001, or a two-digit year).
    /// </summary>
    public const int EarliestLearnerDateYear = 2000;
}
