namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// The hardware security module cannot be used as configured: the library does not load, the token is not there, the
/// PIN is refused, or a key label is not found. The message names the setting to fix and never holds the PIN or key
/// material; hosts and the CLI print it and stop.
/// </summary>
public sealed class KeyModuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and which setting to fix.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public KeyModuleException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
