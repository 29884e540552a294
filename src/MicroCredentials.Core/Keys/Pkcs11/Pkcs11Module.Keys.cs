using System.Formats.Asn1;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>Finding, reading and making key pairs and certificates in the token.</summary>
public sealed partial class Pkcs11Module
{
    // PKCS#11 3.0 values Pkcs11Interop 5 has no names for (PKCS#11 3.0 §2.3.14, §6.3).
    internal const ulong CkkEcEdwards = 0x40;
    internal const ulong CkmEcEdwardsKeyPairGen = 0x1055;
    internal const ulong CkmEddsa = 0x1057;

    // DER OIDs for CKA_EC_PARAMS: id-Ed25519 (RFC 8410) and prime256v1 (RFC 5480).
    private static readonly byte[] Ed25519Parameters = [0x06, 0x03, 0x2B, 0x65, 0x70];
    private static readonly byte[] P256Parameters = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

    /// <summary>What kind of key pair a label names.</summary>
    internal enum KeyKind
    {
        Ed25519,
        P256,
        Rsa,
    }

    /// <summary>The private key object with this label (a token object), checked to be of the kind expected.</summary>
    /// <exception cref="KeyModuleException">No such key, or more than one, or another kind.</exception>
    internal IObjectHandle FindPrivateKey(string label, KeyKind kind, string setting) => WithSession(session =>
    {
        var handle = FindOne(session, CKO.CKO_PRIVATE_KEY, label, setting, "private key");
        var type = session.GetAttributeValue(handle, [CKA.CKA_KEY_TYPE])[0].GetValueAsUlong();
        if (type != KeyTypeOf(kind))
        {
            throw new KeyModuleException($"{setting}: the key '{label}' in {Description} is not a {kind} key.");
        }

        return handle;
    });

    /// <summary>The raw Ed25519 public key (32 bytes) of the public key object with this label.</summary>
    internal byte[] ReadEd25519PublicKey(string label, string setting)
    {
        var point = ReadEcPoint(label, setting);
        return point.Length == 32 ? point : throw new KeyModuleException($"{setting}: the public key '{label}' is not a 32-byte Ed25519 key.");
    }

    /// <summary>The P-256 public point (65 bytes, uncompressed) of the public key object with this label.</summary>
    internal byte[] ReadP256PublicPoint(string label, string setting)
    {
        var point = ReadEcPoint(label, setting);
        return point is [0x04, ..] && point.Length == 65 ? point : throw new KeyModuleException($"{setting}: the public key '{label}' is not an uncompressed P-256 point.");
    }

    /// <summary>Modulus and public exponent of the RSA public key object with this label.</summary>
    internal (byte[] Modulus, byte[] Exponent) ReadRsaPublicKey(string label, string setting) => WithSession(session =>
    {
        var handle = FindOne(session, CKO.CKO_PUBLIC_KEY, label, setting, "public key");
        var values = session.GetAttributeValue(handle, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        return (values[0].GetValueAsByteArray(), values[1].GetValueAsByteArray());
    });

    /// <summary>The DER of the certificate object with this label, or null when there is none.</summary>
    internal byte[]? ReadCertificate(string label) => WithSession(session =>
    {
        var found = session.FindAllObjects([Attribute(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), Attribute(CKA.CKA_LABEL, label)]);
        return found.Count == 0 ? null : session.GetAttributeValue(found[0], [CKA.CKA_VALUE])[0].GetValueAsByteArray();
    });

    /// <summary>Signs with a private key of the token.</summary>
    internal byte[] Sign(IObjectHandle privateKey, ulong mechanism, byte[] data) =>
        WithSession(session => session.Sign(Factories.MechanismFactory.Create(mechanism), privateKey, data));

    /// <summary>Whether the token holds any object (key or certificate) with this label.</summary>
    internal bool HasObject(string label) => WithSession(session => session.FindAllObjects([Attribute(CKA.CKA_LABEL, label)]).Count > 0);

    /// <summary>
    /// Generates a key pair in the token with this label: the private key <c>CKA_SENSITIVE</c>, not
    /// <c>CKA_EXTRACTABLE</c>, a token object that only signs; the public key a token object that verifies.
    /// </summary>
    /// <exception cref="KeyModuleException">A key with this label exists already.</exception>
    internal void GenerateKeyPair(string label, KeyKind kind, int rsaBits = 2048) => WithSession(session =>
    {
        if (session.FindAllObjects([Attribute(CKA.CKA_LABEL, label)]).Count > 0)
        {
            throw new KeyModuleException($"The module ({Description}) holds an object labelled '{label}' already: choose another label prefix.");
        }

        var id = session.GenerateRandom(16);
        List<IObjectAttribute> publicTemplate =
        [
            Attribute(CKA.CKA_TOKEN, true), Attribute(CKA.CKA_PRIVATE, false), Attribute(CKA.CKA_LABEL, label), Attribute(CKA.CKA_ID, id),
            Attribute(CKA.CKA_VERIFY, true),
        ];
        List<IObjectAttribute> privateTemplate =
        [
            Attribute(CKA.CKA_TOKEN, true), Attribute(CKA.CKA_PRIVATE, true), Attribute(CKA.CKA_LABEL, label), Attribute(CKA.CKA_ID, id),
            Attribute(CKA.CKA_SIGN, true), Attribute(CKA.CKA_SENSITIVE, true), Attribute(CKA.CKA_EXTRACTABLE, false),
            Attribute(CKA.CKA_DECRYPT, false),
        ];
        ulong mechanism;
        switch (kind)
        {
            case KeyKind.Ed25519:
                publicTemplate.Add(Attribute(CKA.CKA_EC_PARAMS, Ed25519Parameters));
                mechanism = CkmEcEdwardsKeyPairGen;
                break;
            case KeyKind.P256:
                publicTemplate.Add(Attribute(CKA.CKA_EC_PARAMS, P256Parameters));
                mechanism = (ulong)CKM.CKM_EC_KEY_PAIR_GEN;
                break;
            default:
                publicTemplate.Add(Factories.ObjectAttributeFactory.Create(CKA.CKA_MODULUS_BITS, (ulong)rsaBits));
                publicTemplate.Add(Attribute(CKA.CKA_PUBLIC_EXPONENT, [0x01, 0x00, 0x01]));
                mechanism = (ulong)CKM.CKM_RSA_PKCS_KEY_PAIR_GEN;
                break;
        }

        session.GenerateKeyPair(Factories.MechanismFactory.Create(mechanism), publicTemplate, privateTemplate, out _, out _);
        return true;
    });

    /// <summary>Stores a certificate (DER) as a token object with this label (the seal's certificate beside its key).</summary>
    internal void StoreCertificate(string label, byte[] der, byte[] subject) => WithSession(session => session.CreateObject(
    [
        Attribute(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), Factories.ObjectAttributeFactory.Create(CKA.CKA_CERTIFICATE_TYPE, (ulong)CKC.CKC_X_509),
        Attribute(CKA.CKA_TOKEN, true), Attribute(CKA.CKA_PRIVATE, false), Attribute(CKA.CKA_LABEL, label),
        Attribute(CKA.CKA_SUBJECT, subject), Attribute(CKA.CKA_VALUE, der),
    ]));

    private static ulong KeyTypeOf(KeyKind kind) => kind switch
    {
        KeyKind.Ed25519 => CkkEcEdwards,
        KeyKind.P256 => (ulong)CKK.CKK_EC,
        _ => (ulong)CKK.CKK_RSA,
    };

    private IObjectHandle FindOne(ISession session, CKO type, string label, string setting, string what)
    {
        var found = session.FindAllObjects([Attribute(CKA.CKA_CLASS, type), Attribute(CKA.CKA_LABEL, label)]);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new KeyModuleException($"{setting}: no {what} labelled '{label}' in {Description}."),
            _ => throw new KeyModuleException($"{setting}: {found.Count} objects of type {what} are labelled '{label}' in {Description}: labels must be unique."),
        };
    }

    // CKA_EC_POINT is the DER OCTET STRING of the point (PKCS#11 3.0 §2.3.3, §2.3.6); some modules give the bare point.
    private byte[] ReadEcPoint(string label, string setting) => WithSession(session =>
    {
        var handle = FindOne(session, CKO.CKO_PUBLIC_KEY, label, setting, "public key");
        var value = session.GetAttributeValue(handle, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
        try
        {
            var point = AsnDecoder.ReadOctetString(value, AsnEncodingRules.DER, out var read);
            return read == value.Length ? point : value;
        }
        catch (AsnContentException)
        {
            return value;
        }
    });

    private static IObjectAttribute Attribute(CKA type, bool value) => Factories.ObjectAttributeFactory.Create(type, value);

    private static IObjectAttribute Attribute(CKA type, string value) => Factories.ObjectAttributeFactory.Create(type, value);

    private static IObjectAttribute Attribute(CKA type, byte[] value) => Factories.ObjectAttributeFactory.Create(type, value);

    private static IObjectAttribute Attribute(CKA type, CKO value) => Factories.ObjectAttributeFactory.Create(type, value);
}
