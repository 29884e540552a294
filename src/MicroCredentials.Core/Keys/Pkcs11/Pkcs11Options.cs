namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// Where the issuer's keys are when they live in a hardware security module (configuration section
/// <c>Issuer:Pkcs11</c>; the CLI reads the same names from <c>Issuer__Pkcs11__*</c> environment variables). Only the
/// key history (<c>key-history.json</c>, public keys and labels) stays on disk; the private keys never leave the module.
/// </summary>
public sealed class Pkcs11Options
{
    /// <summary>The configuration section, used in every message that names a setting.</summary>
    public const string Section = "Issuer:Pkcs11";

    /// <summary>Path of the module's PKCS#11 library, e.g. <c>/usr/lib/softhsm/libsofthsm2.so</c>. Default none: file keys.</summary>
    public string? ModulePath { get; set; }

    /// <summary>Label of the token holding the keys. Either this or <see cref="Slot"/>; default none.</summary>
    public string? TokenLabel { get; set; }

    /// <summary>Slot id of the token, when <see cref="TokenLabel"/> is not set. Default none.</summary>
    public ulong? Slot { get; set; }

    /// <summary>The user PIN. Give it through the environment (<c>Issuer__Pkcs11__Pin</c>) or a secret store; it is never logged.</summary>
    public string? Pin { get; set; }

    /// <summary>Label of the Ed25519 key pair (<c>CKM_EDDSA</c>); used when the key history names no module labels.</summary>
    public string? Ed25519Label { get; set; }

    /// <summary>Label of the P-256 key pair for ES256 (<c>CKM_ECDSA</c>); used when the key history names no module labels.</summary>
    public string? Es256Label { get; set; }

    /// <summary>Label of the RSA key pair for RS256 (<c>CKM_SHA256_RSA_PKCS</c>); used when the key history names no module labels.</summary>
    public string? Rs256Label { get; set; }

    /// <summary>
    /// Label of the RSA key pair of the PDF seal and of its certificate object (<c>CKO_CERTIFICATE</c>, same label);
    /// used when the key history names no module labels. Default none: no PDF seal.
    /// </summary>
    public string? SealLabel { get; set; }

    /// <summary>True when a module is configured (<see cref="ModulePath"/> is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ModulePath);

    /// <summary>The full name of a setting, for messages: <c>Issuer:Pkcs11:&lt;name&gt;</c>.</summary>
    public static string Setting(string name) => Section + ":" + name;
}
