using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>An SD-JWT payload ready to sign and the disclosures that go with it.</summary>
/// <param name="Payload">The payload with <c>_sd</c> digests and <c>_sd_alg</c>.</param>
/// <param name="Disclosures">The disclosures, in document order.</param>
public sealed record SdJwtPayload(JsonObject Payload, IReadOnlyList<SdJwtDisclosure> Disclosures);
