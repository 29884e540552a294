namespace MicroCredentials.Keys;

/// <summary>
/// The public halves of the demo keys in <c>keys.example/</c> (checked against the files by a test). A key set that
/// uses any of them signs nothing of value: anyone can read those private keys. Whatever they sign is marked DEMO
/// wherever a person sees it (DESIGN §4).
/// </summary>
public static class DemoKeys
{
    /// <summary>The demo Ed25519 key (Multikey).</summary>
    public const string Ed25519PublicKeyMultibase = "z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs";
    /// <summary>The demo ES256 key (RFC 7638 thumbprint).</summary>
    public const string Es256Thumbprint = "l3cgNXmpB8qgAE-0jmIqcx_XPGHof0r2oP7PbM67IPk";
    /// <summary>The demo RS256 key (RFC 7638 thumbprint).</summary>
    public const string Rs256Thumbprint = "aWV-qYqUWMEI0tOTs6TQrajgX5eF69q1SNMlzM75-_8";
    /// <summary>The demo seal certificate (SHA-256 of the DER, hex).</summary>
    public const string SealCertificateSha256 = "BF184757B81C4C5D7A4F4F04B24CB4394FF5043E1F7A2D98E85E25A48536C9ED";

    private static readonly HashSet<string> All =
        [Ed25519PublicKeyMultibase, Es256Thumbprint, Rs256Thumbprint, SealCertificateSha256];

    /// <summary>True when the value (a Multikey, a JWK thumbprint or a certificate SHA-256 hex) is a demo key's.</summary>
    public static bool Contains(string publicValue) => All.Contains(publicValue);

    /// <summary>
    /// True when a verification method id or JWT <c>kid</c> (<c>&lt;issuer id&gt;#&lt;Multikey or thumbprint&gt;</c>)
    /// names a demo key.
    /// </summary>
    public static bool IsDemoKeyReference(string? keyReference) =>
        keyReference is { } k && k.LastIndexOf('#') is var hash and >= 0 && All.Contains(k[(hash + 1)..]);

    /// <summary>True when a Data Integrity proof of the credential (an object or an array of them) names a demo key.</summary>
    public static bool SignsCredential(System.Text.Json.Nodes.JsonObject? credential)
    {
        var proofs = credential?["proof"] switch
        {
            System.Text.Json.Nodes.JsonArray array => [.. array],
            System.Text.Json.Nodes.JsonObject one => [one],
            _ => new List<System.Text.Json.Nodes.JsonNode?>(),
        };
        return proofs.Any(p => p?["verificationMethod"] is System.Text.Json.Nodes.JsonValue method
            && method.TryGetValue<string>(out var reference) && IsDemoKeyReference(reference));
    }

    /// <summary>The same for a credential as JSON text; false when it does not parse.</summary>
    public static bool SignsCredential(string credentialJson)
    {
        ArgumentNullException.ThrowIfNull(credentialJson);
        try
        {
            return SignsCredential(System.Text.Json.Nodes.JsonNode.Parse(credentialJson) as System.Text.Json.Nodes.JsonObject);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
