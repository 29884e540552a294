using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Model;

public static partial class CredentialJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = CoreLimits.MaxCredentialJsonDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>
    /// THE entry point for credential JSON from outside (uploads, baked badges, PDF attachments, JWT payloads, the CLI):
    /// reads text as one JSON object, rejecting what would otherwise fail later inside the verifier. Never throws for bad
    /// input.
    /// <list type="number">
    /// <item>At most <see cref="CoreLimits.MaxCredentialJsonBytes"/> bytes of UTF-8 (<see cref="JsonParseFailure.TooLarge"/>).</item>
    /// <item>Well-formed JSON, nested at most <see cref="CoreLimits.MaxCredentialJsonDepth"/> deep (<see cref="JsonParseFailure.NotJson"/>).</item>
    /// <item>No object repeats a member (<see cref="JsonParseFailure.DuplicateMember"/>: "the JSON repeats the member `name`") —
    /// <see cref="JsonObject"/> would otherwise keep both and throw when first looked into.</item>
    /// <item>Every string and member name is Unicode text: no lone surrogate escape, no invalid UTF-8
    /// (<see cref="JsonParseFailure.InvalidText"/>) — such strings throw whenever read.</item>
    /// <item>The value is an object (<see cref="JsonParseFailure.NotAnObject"/>).</item>
    /// </list>
    /// </summary>
    /// <param name="text">The JSON text.</param>
    public static JsonParseResult TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > CoreLimits.MaxCredentialJsonBytes)
        {
            return TooLarge();
        }

        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return JsonParseResult.Fail(JsonParseFailure.InvalidText, "The text contains a lone surrogate, which is not Unicode text.");
        }

        return TryParse(utf8);
    }

    /// <summary>Like <see cref="TryParse(string)"/>, for UTF-8 bytes (a leading byte order mark is skipped).</summary>
    /// <param name="utf8">The JSON as UTF-8.</param>
    public static JsonParseResult TryParse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Length > CoreLimits.MaxCredentialJsonBytes)
        {
            return TooLarge();
        }

        if (Scan(utf8) is { } problem)
        {
            return problem;
        }

        try
        {
            return JsonNode.Parse(utf8, documentOptions: DocumentOptions) is JsonObject document
                ? JsonParseResult.Success(document)
                : JsonParseResult.Fail(JsonParseFailure.NotAnObject, "The JSON is not an object.");
        }
        catch (JsonException e)
        {
            // The scan accepts exactly what the parser accepts; this is a safety net with the parser's own words.
            return JsonParseResult.Fail(JsonParseFailure.NotJson, $"The text is not valid JSON: {e.Message}");
        }
    }

    // One linear pass with the reader: well-formedness and depth, repeated members (with their name), and strings that
    // are not Unicode. The reader reports invalid UTF-8 and lone surrogates only when a string is decoded.
    private static JsonParseResult? Scan(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = CoreLimits.MaxCredentialJsonDepth });
        var members = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        members.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        members.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        members.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (members.Peek() is { } seen && !seen.Add(name))
                        {
                            return JsonParseResult.Fail(JsonParseFailure.DuplicateMember,
                                $"The JSON repeats the member `{Printable(name)}`.");
                        }

                        break;
                    case JsonTokenType.String:
                        _ = reader.GetString();
                        break;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return JsonParseResult.Fail(JsonParseFailure.NotJson, $"The text is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            return JsonParseResult.Fail(JsonParseFailure.InvalidText,
                "A string in the JSON is not Unicode text (a lone surrogate or bytes that are not UTF-8).");
        }
    }

    // A member name goes into a sentence: keep it short and free of control characters.
    private static string Printable(string name)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return string.Concat(shown.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));
    }

    private static JsonParseResult TooLarge() => JsonParseResult.Fail(JsonParseFailure.TooLarge,
        $"The JSON is larger than {CoreLimits.MaxCredentialJsonBytes / 1024} KiB; a credential is about 10 KB.");
}
