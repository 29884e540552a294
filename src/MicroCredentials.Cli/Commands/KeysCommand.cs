using System.CommandLine;
using System.Text.Json;
using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary><c>microcred keys generate --out keys/</c>, <c>keys rotate</c>, <c>keys jwks</c> and <c>keys did</c>.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var keys = new Command("keys", "Generate issuer keys, or print the published key sets.");
        keys.Subcommands.Add(Generate(context));
        keys.Subcommands.Add(Rotate(context));
        keys.Subcommands.Add(Jwks(context));
        keys.Subcommands.Add(Did(context));
        return keys;
    }

    private static Command Generate(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the keys to (keep it out of git; keys/ is ignored).", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite existing key files." };
        var password = new Option<string?>("--seal-password") { Description = "Password for seal.p12 (default: a random one, printed once)." };
        var subject = new Option<string>("--seal-subject") { Description = "Subject of the self-signed seal certificate.", DefaultValueFactory = _ => "CN=Micro-credentials seal" };
        var command = new Command("generate", "Generate Ed25519 (Data Integrity), P-256 and RSA-2048 (JWT) keys and a self-signed seal certificate.");
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(password);
        command.Options.Add(subject);
        var module = new ModuleOptions(command);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!.FullName;
            try
            {
                if (parse.GetValue(module.Enabled))
                {
                    var record = ModuleKeyGenerator.Generate(module.Read(parse), dir, parse.GetValue(module.LabelPrefix)!, parse.GetValue(subject)!, context.Time);
                    context.Console.MarkupLineInterpolated($"[green]ok[/] keys made in the hardware module: {record.ModuleKeys!.Ed25519}, {record.ModuleKeys.Es256}, {record.ModuleKeys.Rs256}, {record.ModuleKeys.Seal}");
                    context.Console.MarkupLineInterpolated($"{dir} holds {KeyHistory.FileName} and {ModuleKeyGenerator.SealCertificateFileName} (public; no private key leaves the module). Set Issuer:KeysPath to it and Issuer:Pkcs11:* as here.");
                    return CliApp.Ok;
                }

                var files = KeyGenerator.Generate(dir, new KeyGenerationOptions
                {
                    Overwrite = parse.GetValue(force),
                    SealPassword = parse.GetValue(password),
                    SealSubject = parse.GetValue(subject)!,
                }, context.Time);
                context.Console.MarkupLineInterpolated($"[green]ok[/] keys written to {dir}: {string.Join(", ", KeyGenerator.FileNames)}");
                if (files.SealPasswordGenerated)
                {
                    context.Console.MarkupLineInterpolated($"seal.p12 password (shown once, store it safely): [bold]{files.SealPassword}[/]");
                }

                context.Console.MarkupLineInterpolated(
                    $"Use them with --keys {dir} --seal-password <password> (or set {CommonOptions.SealPasswordVariable}).");

                context.Console.MarkupLine("For PDF signatures that readers trust, replace the self-signed seal with a certificate from a qualified trust service provider.");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or KeyModuleException or KeyFileException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }

    private static Command Rotate(CliContext context)
    {
        var folder = new Option<DirectoryInfo>("--keys") { Description = "The key folder to rotate (ed25519.pem, es256.pem, rs256.pem, seal.p12).", Required = true };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When the new keys start signing (ISO 8601, e.g. 2027-01-01T00:00:00Z). Default: now." };
        var password = new Option<string>("--seal-password")
        {
            Description = "Password of the current seal.p12; the renewed seal.p12 gets the same one. Default: $" + CommonOptions.SealPasswordVariable + ".",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CommonOptions.SealPasswordVariable) ?? string.Empty,
        };
        var subject = new Option<string>("--seal-subject") { Description = "Subject of the renewed self-signed seal certificate.", DefaultValueFactory = _ => "CN=Micro-credentials seal" };
        var command = new Command("rotate", "Replace the signing keys and the seal certificate from a moment on; earlier keys stay published with their validity window.");
        command.Options.Add(folder);
        command.Options.Add(at);
        command.Options.Add(password);
        command.Options.Add(subject);
        var module = new ModuleOptions(command);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!.FullName;
            try
            {
                if (parse.GetValue(module.Enabled))
                {
                    var rotated = ModuleKeyGenerator.Rotate(module.Read(parse), dir, parse.GetValue(at) ?? context.Time.GetUtcNow(), parse.GetValue(module.LabelPrefix)!,
                        parse.GetValue(subject)!, context.Time);
                    context.Console.MarkupLineInterpolated($"[green]ok[/] new module keys sign from {rotated.Current.ValidFrom:O}: Ed25519 {rotated.Current.Ed25519} ({rotated.Current.ModuleKeys!.Ed25519})");
                    context.Console.MarkupLineInterpolated($"retired: Ed25519 {rotated.Retired.Ed25519}, valid until {rotated.Retired.ValidUntil:O}; still published ({KeyHistory.FileName}); its keys stay in the module until you delete them after that moment.");
                    context.Console.MarkupLine("A running host takes the new keys when an administrator rotates from /staff/admin/keys; after a CLI rotation restart it (or every host) before the moment.");
                    return CliApp.Ok;
                }

                var result = KeyRotation.Rotate(dir, parse.GetValue(at) ?? context.Time.GetUtcNow(), parse.GetValue(password)!, parse.GetValue(subject)!, context.Time);
                context.Console.MarkupLineInterpolated($"[green]ok[/] new keys in {dir} sign from {result.Current.ValidFrom:O}: Ed25519 {result.Current.Ed25519}");
                context.Console.MarkupLineInterpolated($"retired: Ed25519 {result.Retired.Ed25519}, valid until {result.Retired.ValidUntil:O}; still published (key-history.json).");
                context.Console.MarkupLineInterpolated($"The retired private keys are in {result.RetiredFolder}: the host needs them only until {result.Retired.ValidUntil:O}; then destroy them (verifying needs only {KeyHistory.FileName}).");
                context.Console.MarkupLine("Restart the host (or every host) before that moment so it publishes the new keys; keep key-history.json in every backup.");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is KeyFileException or KeyModuleException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] keys rotate: {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }

    private static Command Jwks(CliContext context) => PrintKeySet(context, "jwks", "Print the JWKS of the public JWT keys (as served at /.well-known/jwks.json).",
        JwksBuilder.Build);

    private static Command Did(CliContext context) => PrintKeySet(context, "did", "Print the did:web DID document (as served at /.well-known/did.json).",
        DidDocumentBuilder.Build);

    private static Command PrintKeySet(CliContext context, string name, string description, Func<IssuerKeySet, System.Text.Json.Nodes.JsonObject> build)
    {
        var common = new CommonOptions();
        var command = new Command(name, description);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                using var set = CliEnvironment.LoadKeys(parse.GetValue(common.Keys)!, parse.GetValue(common.SealPassword), DidWeb.FromBaseUrl(parse.GetValue(common.BaseUrl)!));
                context.Console.Profile.Out.Writer.WriteLine(build(set).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return CliApp.Ok;
            }
            catch (Exception e) when (e is KeyFileException or IOException or ArgumentException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] keys: {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }
}
