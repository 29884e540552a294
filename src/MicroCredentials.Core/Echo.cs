using System.Globalization;

namespace MicroCredentials;

/// <summary>Shortens text taken from an upload before it is repeated in a reason, a detail or a log line.</summary>
public static class Echo
{
    /// <summary>
    /// <paramref name="text"/> itself when it has at most <see cref="CoreLimits.MaxEchoedChars"/> characters; otherwise
    /// its start, an ellipsis and the full length (never splitting a surrogate pair).
    /// </summary>
    public static string Bound(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= CoreLimits.MaxEchoedChars)
        {
            return text;
        }

        var keep = CoreLimits.MaxEchoedChars;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, keep)}… ({text.Length:N0} characters)");
    }

    /// <summary><see cref="Bound(string)"/>, or null for null.</summary>
    public static string? BoundOrNull(string? text) => text is null ? null : Bound(text);
}
