using System.Text.Json.Nodes;

namespace MicroCredentials.JsonLd;

/// <summary>A document returned by a <see cref="DocumentLoader"/> (JSON-LD 1.1 API §9.4.1 <c>RemoteDocument</c>).</summary>
/// <param name="DocumentUrl">The final URL of the document (after redirects); relative IRIs in it resolve against this.</param>
/// <param name="Document">The parsed JSON document.</param>
public sealed record RemoteDocument(string DocumentUrl, JsonNode? Document);
