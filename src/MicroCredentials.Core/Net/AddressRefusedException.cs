namespace MicroCredentials.Net;

/// <summary>
/// Thrown by <see cref="PublicHttp"/>'s connect callback when a host resolves to an address that may not be connected
/// to; the handler wraps it in an <see cref="HttpRequestException"/>, which callers turn into a result.
/// </summary>
internal sealed class AddressRefusedException(string message) : IOException(message);
