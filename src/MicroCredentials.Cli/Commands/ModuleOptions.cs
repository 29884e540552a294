using System.CommandLine;
using MicroCredentials.Keys.Pkcs11;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// The <c>--pkcs11</c> options of <c>keys generate</c> and <c>keys rotate</c>: keys made in a hardware module. Each
/// defaults to the host's setting from the environment (<c>Issuer__Pkcs11__ModulePath</c>, <c>…__TokenLabel</c>,
/// <c>…__Pin</c>), so the CLI and the host read the same configuration; the PIN is best left to the environment.
/// </summary>
internal sealed class ModuleOptions
{
    public ModuleOptions(Command command)
    {
        command.Options.Add(Enabled);
        command.Options.Add(Module);
        command.Options.Add(Token);
        command.Options.Add(Pin);
        command.Options.Add(LabelPrefix);
    }

    public Option<bool> Enabled { get; } = new("--pkcs11") { Description = "Make the keys in a hardware security module (PKCS#11) instead of files." };

    public Option<string?> Module { get; } = new("--pkcs11-module")
    {
        Description = "PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. Default: $Issuer__Pkcs11__ModulePath.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Issuer__Pkcs11__ModulePath"),
    };

    public Option<string?> Token { get; } = new("--pkcs11-token")
    {
        Description = "Label of the token. Default: $Issuer__Pkcs11__TokenLabel.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Issuer__Pkcs11__TokenLabel"),
    };

    public Option<string?> Pin { get; } = new("--pkcs11-pin")
    {
        Description = "User PIN of the token (better: leave it in $Issuer__Pkcs11__Pin, the default).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Issuer__Pkcs11__Pin"),
    };

    public Option<string> LabelPrefix { get; } = new("--label-prefix")
    {
        Description = "Prefix of the new key labels (<prefix>-<purpose>-<moment>).",
        DefaultValueFactory = _ => ModuleKeyGenerator.DefaultLabelPrefix,
    };

    public Pkcs11Options Read(ParseResult parse) => new()
    {
        ModulePath = parse.GetValue(Module),
        TokenLabel = parse.GetValue(Token),
        Pin = parse.GetValue(Pin),
    };
}
