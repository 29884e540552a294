using System.CommandLine;
using System.Text.Json;
using MicroCredentials.Keys;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary><c>microcred keys generate --out keys/</c> and <c>microcred keys jwks</c>.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var keys = new Command("keys", "Generate issuer keys, or print the published key sets.");
        keys.Subcommands.Add(Generate(context));
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
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!.FullName;
            try
            {
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] {e.Message}");
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
