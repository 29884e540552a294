using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Rdf;

/// <summary>The W3C RDFC-1.0 test manifest (../shared/standards/w3c/rdf-canon-tests/manifest.jsonld).</summary>
internal static class RdfCanonTestSuite
{
    public static string Folder => Path.Combine(RepositoryPaths.Standards, "w3c", "rdf-canon-tests");

    public static IEnumerable<TestCaseData> Entries(string type)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.jsonld")))!;
        foreach (var entry in manifest["entries"]!.AsArray())
        {
            if ((string)entry!["type"]! != type)
            {
                continue;
            }

            var id = ((string)entry["id"]!).TrimStart('#');
            var hash = (string?)entry["hashAlgorithm"];
            yield return new TestCaseData(
                    (string)entry["action"]!, (string?)entry["result"], hash)
                .SetName($"{id} {(string)entry["name"]!}" + (hash is null ? string.Empty : $" [{hash}]"));
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Folder, relative));
}
