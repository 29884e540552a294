using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace MicroCredentials.JsonLd;

/// <summary>
/// The production document loader: serves only the JSON-LD contexts embedded in MicroCredentials.Core and never
/// touches the network (DESIGN.md §4: contexts are never fetched while signing or verifying).
/// </summary>
public sealed class EmbeddedDocumentLoader : DocumentLoader
{
    private static readonly FrozenDictionary<string, string> Resources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ContextUrls.CredentialsV2] = "Contexts/credentials-v2.jsonld",
        [ContextUrls.OpenBadgesV3p0303] = "Contexts/ob-v3p0-context-3.0.3.json",
        [ContextUrls.OpenBadgesExtensions] = "Contexts/ob-v3p0-extensions.json",
        [ContextUrls.StatusListV1] = "Contexts/credentials-status-v1.jsonld",
        [ContextUrls.MultikeyV1] = "Contexts/multikey-v1.jsonld",
        [ContextUrls.DidV1] = "Contexts/did-v1.jsonld",
        [ContextUrls.MicroCredentialV1] = "Contexts/microcredential-v1.jsonld",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private EmbeddedDocumentLoader()
    {
    }

    /// <summary>The single instance; share it so processed contexts are cached across calls.</summary>
    public static EmbeddedDocumentLoader Instance { get; } = new();

    /// <summary>The context URLs this loader serves.</summary>
    public static IReadOnlyCollection<string> Urls => Resources.Keys;

    /// <summary>True when <paramref name="url"/> is one of the embedded contexts (ours under any deployment's address).</summary>
    public static bool Holds(string url) => Resources.ContainsKey(url) || ContextUrls.IsMicroCredentialV1(url);

    /// <summary>Returns the embedded context for <paramref name="url"/>.</summary>
    /// <exception cref="JsonLdException"><c>"loading remote context failed"</c> for any URL not embedded.</exception>
    public override RemoteDocument LoadDocument(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Our own context is known under every deployment's address (ContextUrls.IsMicroCredentialV1).
        if (!Resources.TryGetValue(url, out var name) && !(ContextUrls.IsMicroCredentialV1(url) && Resources.TryGetValue(ContextUrls.MicroCredentialV1, out name)))
        {
            throw new JsonLdException(
                JsonLdErrorCodes.LoadingRemoteContextFailed,
                $"{url} is not a context this issuer holds; remote contexts are never fetched");
        }

        using var stream = typeof(EmbeddedDocumentLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from MicroCredentials.Core.");
        return new RemoteDocument(url, JsonNode.Parse(stream));
    }
}
