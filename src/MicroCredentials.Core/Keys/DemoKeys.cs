namespace MicroCredentials.Keys;

/// <summary>
/// The public halves of the demo keys in <c>keys.example/</c> (checked against the files by a test). A key set that
/// uses any of them signs nothing of value: anyone can read those private keys.
/// </summary>
internal static class DemoKeys
{
    public const string Ed25519PublicKeyMultibase = "z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs";
    public const string Es256Thumbprint = "l3cgNXmpB8qgAE-0jmIqcx_XPGHof0r2oP7PbM67IPk";
    public const string Rs256Thumbprint = "aWV-qYqUWMEI0tOTs6TQrajgX5eF69q1SNMlzM75-_8";
    public const string SealCertificateSha256 = "BF184757B81C4C5D7A4F4F04B24CB4394FF5043E1F7A2D98E85E25A48536C9ED";

    private static readonly HashSet<string> All =
        [Ed25519PublicKeyMultibase, Es256Thumbprint, Rs256Thumbprint, SealCertificateSha256];

    /// <summary>True when the value (a Multikey, a JWK thumbprint or a certificate SHA-256 hex) is a demo key's.</summary>
    public static bool Contains(string publicValue) => All.Contains(publicValue);
}
