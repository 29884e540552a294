namespace MicroCredentials.Host.Infrastructure.Configuration;

/// <summary>The setting <c>Logging:Format</c>: <c>text</c> (default, one line per message) or <c>json</c> (one JSON object per line).</summary>
internal static class LogFormats
{
    /// <summary>The configuration key.</summary>
    public const string Setting = "Logging:Format";

    /// <summary>Plain text lines (the default).</summary>
    public const string Text = "text";

    /// <summary>One JSON object per line (the built-in JSON console formatter).</summary>
    public const string Json = "json";
}
