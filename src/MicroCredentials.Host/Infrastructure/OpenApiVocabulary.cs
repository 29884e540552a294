using System.Text.Json.Nodes;
using MicroCredentials.Host.Apis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Lists the closed vocabularies of <c>POST /api/verify</c> in the OpenAPI document — every verdict, check id, check
/// status and reason code — taken from the same enums and constants the answers are written from, so client code can
/// be generated against them and the document cannot drift from the API.
/// </summary>
internal static class OpenApiVocabulary
{
    public static OpenApiOptions AddVerificationVocabulary(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(VerificationResponse))
            {
                Enumerate(schema, "verdict", VerificationResponse.Verdicts);
            }
            else if (context.JsonTypeInfo.Type == typeof(VerificationResponse.Check))
            {
                Enumerate(schema, "id", VerificationResponse.CheckIds);
                Enumerate(schema, "status", VerificationResponse.CheckStatuses);
                Enumerate(schema, "reason", VerificationResponse.Reasons);
            }

            return Task.CompletedTask;
        });

    private static void Enumerate(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var target) == true && target is OpenApiSchema concrete)
        {
            concrete.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
