namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>
/// Thrown when canonicalizing a dataset would exceed the configured bound on Hash N-Degree Quads calls
/// (<see cref="Rdfc10Options.MaxWorkFactor"/>): the dataset is treated as poisoned (RDFC-1.0 §7).
/// </summary>
public sealed class Rdfc10WorkLimitExceededException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public Rdfc10WorkLimitExceededException()
        : base("RDFC-1.0: the limit on Hash N-Degree Quads calls was exceeded (possible dataset poisoning).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Rdfc10WorkLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public Rdfc10WorkLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a given limit.</summary>
    internal Rdfc10WorkLimitExceededException(long limit)
        : base($"RDFC-1.0: more than {limit} Hash N-Degree Quads calls would be needed; the dataset is treated as poisoned.")
    {
    }
}
