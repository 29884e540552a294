using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MicroCredentials.Model;

/// <summary>The outcome of <see cref="CredentialJson.TryParse(string)"/>: the JSON object, or why there is none.</summary>
public sealed record JsonParseResult
{
    /// <summary>The parsed object; null when parsing failed.</summary>
    public JsonObject? Document { get; private init; }

    /// <summary>Why parsing failed; null on success.</summary>
    public JsonParseFailure? Failure { get; private init; }

    /// <summary>One plain English sentence saying what is wrong (empty on success).</summary>
    public string Problem { get; private init; } = string.Empty;

    /// <summary>True when <see cref="Document"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    internal static JsonParseResult Success(JsonObject document) => new() { Document = document };

    internal static JsonParseResult Fail(JsonParseFailure failure, string problem) => new() { Failure = failure, Problem = problem };
}
