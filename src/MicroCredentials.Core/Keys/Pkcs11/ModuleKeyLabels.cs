namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// The labels of one generation's key pairs in the hardware module, as kept in <see cref="KeyHistory"/>: the private
/// keys stay in the module (a retired generation's too, so a pending rotation can still sign with them); the history
/// holds the public keys, so verifying never needs the module.
/// </summary>
public sealed record ModuleKeyLabels
{
    /// <summary>Label of the Ed25519 key pair.</summary>
    public required string Ed25519 { get; init; }

    /// <summary>Label of the P-256 key pair (ES256).</summary>
    public required string Es256 { get; init; }

    /// <summary>Label of the RSA key pair (RS256).</summary>
    public required string Rs256 { get; init; }

    /// <summary>Label of the seal's RSA key pair and certificate object; null when the generation has no seal.</summary>
    public string? Seal { get; init; }

    /// <summary>The labels a new generation gets: <c>&lt;prefix&gt;-&lt;purpose&gt;-&lt;stamp&gt;</c>.</summary>
    public static ModuleKeyLabels Create(string prefix, string stamp) => new()
    {
        Ed25519 = $"{prefix}-ed25519-{stamp}",
        Es256 = $"{prefix}-es256-{stamp}",
        Rs256 = $"{prefix}-rs256-{stamp}",
        Seal = $"{prefix}-seal-{stamp}",
    };

    /// <summary>The labels the options name; null when they name none.</summary>
    /// <exception cref="KeyModuleException">Some but not all of the Ed25519, ES256 and RS256 labels are set.</exception>
    public static ModuleKeyLabels? FromOptions(Pkcs11Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] labels = [options.Ed25519Label, options.Es256Label, options.Rs256Label];
        if (labels.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var missing = new[] { nameof(options.Ed25519Label), nameof(options.Es256Label), nameof(options.Rs256Label) }
            .Where((_, i) => string.IsNullOrWhiteSpace(labels[i])).Select(Pkcs11Options.Setting).ToList();
        return missing.Count > 0
            ? throw new KeyModuleException($"{string.Join(", ", missing)} not set: name a label for every key, or none and let the key history name them.")
            : new ModuleKeyLabels { Ed25519 = labels[0]!, Es256 = labels[1]!, Rs256 = labels[2]!, Seal = options.SealLabel };
    }
}
