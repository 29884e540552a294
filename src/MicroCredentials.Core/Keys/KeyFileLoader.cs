using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Keys;

/// <summary>
/// Reads key files: PEM (PKCS#8, SEC1 "EC PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SubjectPublicKeyInfo), JWK JSON
/// and PKCS#12. Every failure is a <see cref="KeyFileException"/> naming the file and the problem.
/// </summary>
internal static partial class KeyFileLoader
{
    private const int MaxKeyFileBytes = 1024 * 1024;

    /// <summary>What a key file holds, read from its PEM label or JWK members.</summary>
    internal enum FileKind
    {
        Pem,
        Jwk,
        Multibase,
    }

    /// <summary>Reads a text key file and says which form it is in.</summary>
    internal static (string Text, FileKind Kind) ReadText(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new KeyFileException(path, Directory.Exists(path) ? "is a directory, not a key file" : "does not exist");
            }

            if (info.Length > MaxKeyFileBytes)
            {
                throw new KeyFileException(path, "is too large to be a key file");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(path, "cannot be read (" + ex.Message + ")", ex);
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(bytes).Trim().TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new KeyFileException(path, "is binary, not a PEM or JWK text file (a PKCS#12 file belongs in the seal settings)", ex);
        }

        if (text.StartsWith('{'))
        {
            return (text, FileKind.Jwk);
        }

        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return (text, FileKind.Pem);
        }

        if (text.StartsWith('z') && !text.Contains('\n'))
        {
            return (text, FileKind.Multibase);
        }

        throw new KeyFileException(path, "is neither PEM (-----BEGIN …-----) nor a JWK (JSON object)");
    }

    /// <summary>The first PEM block: its label and DER bytes.</summary>
    internal static (string Label, byte[] Der) ReadPem(string path, string text)
    {
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new KeyFileException(path, "has a garbled PEM block (bad base64 or missing END line)");
        }

        var label = text[fields.Label];
        if (label is "ENCRYPTED PRIVATE KEY")
        {
            throw new KeyFileException(path, "is an encrypted PKCS#8 key; store it unencrypted with 0600 permissions "
                + "(openssl pkcs8 -in in.pem -out out.pem -nocrypt) or use a PKCS#12 file where supported");
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], der, out var written))
        {
            throw new KeyFileException(path, "has a PEM block whose base64 cannot be decoded");
        }

        return (label, der[..written]);
    }

    /// <summary>Parses a JWK JSON file into an object.</summary>
    internal static JsonObject ReadJwk(string path, string text)
    {
        try
        {
            if (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is JsonObject jwk)
            {
                return jwk;
            }
        }
        catch (JsonException ex)
        {
            throw new KeyFileException(path, "is not valid JSON (" + ex.Message + ")", ex);
        }

        throw new KeyFileException(path, "is JSON but not a JWK object");
    }

    /// <summary>A string member of a JWK, or null.</summary>
    internal static string? Member(JsonObject jwk, string name) =>
        jwk[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A base64url member of a JWK, decoded; throws when missing or not base64url.</summary>
    internal static byte[] Base64UrlMember(string path, JsonObject jwk, string name)
    {
        var text = Member(jwk, name) ?? throw new KeyFileException(path, $"the JWK has no '{name}' member");
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException ex)
        {
            throw new KeyFileException(path, $"the JWK member '{name}' is not base64url", ex);
        }
    }

    /// <summary>Names the algorithm of a PKCS#8 or SubjectPublicKeyInfo structure, for error messages.</summary>
    internal static string DescribeKey(string label, byte[] der)
    {
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
            if (label == "PRIVATE KEY")
            {
                reader.ReadInteger();
            }

            var algorithm = reader.ReadSequence().ReadObjectIdentifier();
            return algorithm switch
            {
                "1.3.101.112" => "an Ed25519 key",
                "1.2.840.113549.1.1.1" => "an RSA key",
                "1.2.840.10045.2.1" => "an EC key",
                _ => $"a key of algorithm {algorithm}",
            };
        }
        catch (Exception ex) when (ex is System.Formats.Asn1.AsnContentException or CryptographicException)
        {
            return label switch
            {
                "RSA PRIVATE KEY" or "RSA PUBLIC KEY" => "an RSA key",
                "EC PRIVATE KEY" => "an EC key",
                _ => $"a PEM block labelled '{label}'",
            };
        }
    }
}
