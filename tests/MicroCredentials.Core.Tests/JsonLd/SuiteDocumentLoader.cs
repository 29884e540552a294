using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>
/// Test-side loader: maps <c>https://w3c.github.io/json-ld-api/tests/</c> to the local W3C suite folder, serves the
/// VC examples v2 context from the shared reference copy, and otherwise defers to the embedded loader (offline).
/// </summary>
internal sealed class SuiteDocumentLoader : DocumentLoader
{
    public const string SuiteBase = "https://w3c.github.io/json-ld-api/tests/";
    public const string ExamplesV2 = "https://www.w3.org/ns/credentials/examples/v2";

    private SuiteDocumentLoader()
    {
    }

    public static SuiteDocumentLoader Instance { get; } = new();

    public override RemoteDocument LoadDocument(string url)
    {
        if (url.StartsWith(SuiteBase, StringComparison.Ordinal))
        {
            var path = Path.Combine(TestPaths.JsonLdSuite, url[SuiteBase.Length..]);
            if (!File.Exists(path))
            {
                throw new JsonLdException(JsonLdErrorCodes.LoadingDocumentFailed, $"{url} is not in the local suite");
            }

            return new RemoteDocument(url, JsonNode.Parse(File.ReadAllText(path)));
        }

        if (url == ExamplesV2)
        {
            return new RemoteDocument(url, JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Standards, "w3c", "contexts", "credentials-examples-v2.jsonld"))));
        }

        return EmbeddedDocumentLoader.Instance.LoadDocument(url);
    }
}
