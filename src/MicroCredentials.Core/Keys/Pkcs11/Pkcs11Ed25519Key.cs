using MicroCredentials.DataIntegrity;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>An Ed25519 key that stays in the module: Data Integrity proofs are signed there with <c>CKM_EDDSA</c> (pure Ed25519).</summary>
public sealed class Pkcs11Ed25519Key : Ed25519SigningKey
{
    private readonly Pkcs11Module module;
    private readonly IObjectHandle privateKey;
    private readonly byte[] publicKey;

    private Pkcs11Ed25519Key(Pkcs11Module module, IObjectHandle privateKey, byte[] publicKey, string label)
    {
        this.module = module;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        Label = label;
    }

    /// <summary>The key's label in the module.</summary>
    public string Label { get; }

    /// <inheritdoc />
    public override ReadOnlyMemory<byte> PublicKey => publicKey;

    /// <summary>Finds the key pair labelled <paramref name="label"/>.</summary>
    /// <exception cref="KeyModuleException">No Ed25519 key pair has this label (the message names <paramref name="setting"/>).</exception>
    public static Pkcs11Ed25519Key Find(Pkcs11Module module, string label, string setting)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new Pkcs11Ed25519Key(module, module.FindPrivateKey(label, Pkcs11Module.KeyKind.Ed25519, setting),
            module.ReadEd25519PublicKey(label, setting), label);
    }

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> data) => module.Sign(privateKey, Pkcs11Module.CkmEddsa, data.ToArray());
}
