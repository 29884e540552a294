using MicroCredentials.Keys;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Cli.Tests;

/// <summary><c>microcred keys generate --pkcs11</c> and <c>keys rotate --pkcs11</c> against a real SoftHSM 2 token.</summary>
[TestFixture]
[NonParallelizable]
public sealed class KeysPkcs11Tests
{
    [Test]
    public async Task GenerateThenRotate_Pkcs11_HistoryNamesModuleLabelsOfBothGenerations()
    {
        using var token = await SoftHsmToken.CreateAsync("cli-tests");
        var keys = Path.Combine(token.Folder, "keys");
        string[] module = ["--pkcs11", "--pkcs11-module", SoftHsmToken.ModulePath, "--pkcs11-token", token.Label, "--pkcs11-pin", SoftHsmToken.Pin];

        var generate = await CliRun.RunAsync(["keys", "generate", "--out", keys, .. module]);
        Assert.That(generate.ExitCode, Is.EqualTo(CliApp.Ok), generate.ToString());
        var rotate = await CliRun.RunAsync(["keys", "rotate", "--keys", keys, .. module]);
        Assert.That(rotate.ExitCode, Is.EqualTo(CliApp.Ok), rotate.ToString());

        var history = KeyHistory.Read(Path.Combine(keys, KeyHistory.FileName)).Generations;
        Assert.That(history.Select(h => h.ModuleKeys?.Ed25519), Is.All.StartWith("microcred-ed25519-"));
        Assert.That(history[0].ValidUntil, Is.EqualTo(history[1].ValidFrom));
        Assert.That(Directory.GetFiles(keys).Select(Path.GetFileName), Is.EquivalentTo(new[] { KeyHistory.FileName, "seal-cert.pem" }), "no private key on disk");

        var wrong = await CliRun.RunAsync(["keys", "rotate", "--keys", keys, "--pkcs11", "--pkcs11-module", SoftHsmToken.ModulePath, "--pkcs11-token", token.Label,
            "--pkcs11-pin", "0000-wrong"]);
        Assert.That(wrong.ExitCode, Is.EqualTo(CliApp.BadInput), wrong.ToString());
        Assert.That(wrong.Output, Does.Contain("Issuer:Pkcs11:Pin"));
    }
}
