namespace MicroCredentials.Keys;

/// <summary>Choices for <see cref="KeyGenerator.Generate"/>; the defaults suit <c>microcred keys generate</c>.</summary>
public sealed record KeyGenerationOptions
{
    /// <summary>Password of the seal PKCS#12; when null (the default) a random one is generated and returned once.</summary>
    public string? SealPassword { get; init; }

    /// <summary>Replace existing files; default false (refuse, so real keys are never lost by accident).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Subject of the self-signed seal certificate (X.500 name). Default <c>CN=Micro-credentials seal</c>.</summary>
    public string SealSubject { get; init; } = "CN=Micro-credentials seal";

    /// <summary>
    /// Subject of the own wallet CA that certifies the ES256 key in SD-JWT VCs (<see cref="WalletCertificates"/>).
    /// Default <c>O=Micro-credentials, CN=Micro-credentials wallet issuer CA</c>.
    /// </summary>
    public string WalletCaSubject { get; init; } = "CN=Micro-credentials wallet issuer CA, O=Micro-credentials";

    /// <summary>Validity of the seal certificate in years; default 10.</summary>
    public int SealValidityYears { get; init; } = 10;
}
