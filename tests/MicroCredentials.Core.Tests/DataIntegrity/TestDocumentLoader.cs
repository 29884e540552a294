using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>The embedded contexts plus the W3C credentials examples context the W3C vectors use.</summary>
internal sealed class TestDocumentLoader : DocumentLoader
{
    public const string ExamplesV2 = "https://www.w3.org/ns/credentials/examples/v2";

    public static TestDocumentLoader Instance { get; } = new();

    public override RemoteDocument LoadDocument(string url) =>
        url == ExamplesV2
            ? new RemoteDocument(url, JsonNode.Parse(File.ReadAllText(
                Path.Combine(RepositoryPaths.Standards, "w3c", "contexts", "credentials-examples-v2.jsonld"))))
            : EmbeddedDocumentLoader.Instance.LoadDocument(url);
}
