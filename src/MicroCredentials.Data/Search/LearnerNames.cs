using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Verification;

namespace MicroCredentials.Data;

/// <summary>The learner's name as a stored credential states it (its plain <c>name</c> identifier).</summary>
internal static class LearnerNames
{
    /// <summary>The name in a credential's JSON, or <see langword="null"/> when it has none or is not JSON.</summary>
    public static string? FromCredentialJson(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject credential ? CredentialSummary.From(credential, "en").LearnerName : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
