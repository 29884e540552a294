namespace MicroCredentials.Keys;

/// <summary>
/// A configured key file is missing, unreadable, or holds something other than the key expected. The message names
/// the file and what is wrong, and never contains key material; hosts and the CLI print it and stop.
/// </summary>
public sealed class KeyFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file concerned.</param>
    /// <param name="problem">What is wrong, for people (no key material).</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public KeyFileException(string path, string problem, Exception? innerException = null)
        : base($"Key file '{path}': {problem}", innerException)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file concerned (as resolved, absolute).</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
