using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Keys;

[TestFixture]
public sealed class KeyRotationTests
{
    private const string Password = "rotate-me";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private string folder = string.Empty;
    private FakeTimeProvider time = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Directory.CreateTempSubdirectory("microcred-rotate-").FullName;
        time = new FakeTimeProvider(Start);
        KeyGenerator.Generate(folder, new KeyGenerationOptions { SealPassword = Password }, time);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Rotate_Twice_HistoryHasThreeGenerationsWithAdjoiningWindowsAndEveryKeyPublished()
    {
        var first = Rotate(Start.AddDays(1));
        time.Advance(TimeSpan.FromDays(40));
        var second = Rotate(time.GetUtcNow());

        using var keys = Load();
        Assert.That(keys.History, Has.Count.EqualTo(3));
        Assert.That(keys.History.Select(h => (h.ValidFrom, h.ValidUntil)), Is.EqualTo(new (DateTimeOffset?, DateTimeOffset?)[]
        {
            (null, Start.AddDays(1)), (Start.AddDays(1), Start.AddDays(40)), (Start.AddDays(40), null),
        }));
        Assert.That(keys.Ed25519PublicKeysMultibase, Is.EquivalentTo(keys.History.Select(h => h.Ed25519)));
        Assert.That(keys.Ed25519PublicKeysMultibase[0], Is.EqualTo(second.Current.Ed25519), "the newest key first");
        Assert.That(keys.JwtPublicKeys, Has.Count.EqualTo(6));
        Assert.That(keys.SealCertificates, Has.Count.EqualTo(3), "every seal certificate, so earlier PDFs stay recognised");
        Assert.That(keys.KeyValidity(Samples.IssuerId + "#" + first.Retired.Ed25519), Is.EqualTo(new KeyValidityWindow(null, Start.AddDays(1))));
        Assert.That(keys.OriginalKeys.Ed25519, Is.EqualTo(first.Retired.Ed25519), "the stored identity keeps naming the first keys");
        Assert.That(Directory.GetDirectories(Path.Combine(folder, KeyRotation.RetiredFolder)), Has.Length.EqualTo(2));
    }

    [Test]
    public void Rotate_LaterMoment_OldKeysSignUntilThenAndTheNewOnesFromThen()
    {
        var rotation = Rotate(Start.AddHours(1));

        using var keys = Load();
        Assert.That(keys.Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Retired.Ed25519), "before the moment the retired folder's keys still sign");
        Assert.That(keys.SigningAt(Start.AddHours(1)).Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Current.Ed25519));
        Assert.That(keys.SigningAt(Start.AddHours(1).AddSeconds(-1)).Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Retired.Ed25519));
        time.Advance(TimeSpan.FromHours(1));
        Assert.That(keys.Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Current.Ed25519));
        Assert.That(keys.Rs256.PublicKey.Thumbprint, Is.Not.EqualTo(keys.SigningAt(Start).Rs256.PublicKey.Thumbprint));
    }

    [Test]
    public void Rotate_MomentInThePast_RefusedAndNothingChanged()
    {
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);

        Assert.That(() => Rotate(Start.AddHours(-1)), Throws.InvalidOperationException.With.Message.Contains("past"));

        Assert.That(Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes), Is.EqualTo(before));
        Assert.That(Directory.Exists(Path.Combine(folder, KeyRotation.RetiredFolder)), Is.False);
    }

    [Test]
    public void Rotate_WhileTheLastRotationIsPending_Refused()
    {
        Rotate(Start.AddDays(1));

        Assert.That(() => Rotate(Start.AddDays(2)), Throws.InvalidOperationException.With.Message.Contains("takes effect only at"));
    }

    [Test]
    public void Rotate_WrongSealPassword_RefusedAndNothingChanged()
    {
        Assert.That(() => KeyRotation.Rotate(folder, Start, "wrong", "CN=Test seal", time), Throws.InstanceOf<KeyFileException>());
        Assert.That(File.Exists(Path.Combine(folder, KeyHistory.FileName)), Is.False);
    }

    [Test]
    public async Task Verify_RetiredKeyAfterItsRetirement_KeyRetiredButBeforeItValid()
    {
        var rotation = Rotate(Start.AddDays(1));
        time.Advance(TimeSpan.FromDays(2));
        using var keys = Load();
        using var http = new HttpClient();
        var verifier = new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver,
            new StatusChecker(new StatusListClient(http, time), StatusListProof.Verifier(keys), time), time,
            new CredentialVerifierOptions { KeyValidity = keys.KeyValidity });
        var retiredOptions = IssuerKeyOptions.ForDirectory(Path.Combine(folder, rotation.Retired.PrivateKeys!), Password);
        retiredOptions.KeyHistoryPath = Path.Combine(folder, "none.json");
        using var retired = IssuerKeySet.Load(retiredOptions, Samples.IssuerId, time: time);
        var old = retired.SigningAt(Start);
        Assert.That(old.Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Retired.Ed25519));

        var before = await verifier.VerifyJsonAsync(Signed(old, Start.AddHours(2)), null, CancellationToken.None);
        var after = await verifier.VerifyJsonAsync(Signed(old, Start.AddDays(1).AddSeconds(1)), null, CancellationToken.None);
        var afterJwt = await verifier.VerifyJwtAsync(VcJwtSigner.Sign(Signed(keys.SigningAt(Start.AddDays(1)), Start.AddDays(1).AddSeconds(1)), old.Rs256), null, CancellationToken.None);
        var newKeyBackdated = await verifier.VerifyJsonAsync(Signed(keys.SigningAt(Start.AddDays(1)), Start.AddHours(2)), null, CancellationToken.None);

        Assert.That(before.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason, Is.EqualTo(VerificationReasons.Ok));
        Assert.That(before.Verdict, Is.Not.EqualTo(Verdict.NotGenuine));
        Assert.That((after.Verdict, after.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason), Is.EqualTo((Verdict.NotGenuine, VerificationReasons.KeyRetired)));
        Assert.That((afterJwt.Verdict, afterJwt.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason), Is.EqualTo((Verdict.NotGenuine, VerificationReasons.KeyRetired)));
        Assert.That(newKeyBackdated.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason, Is.EqualTo(VerificationReasons.KeyRetired), "a new key cannot sign before its window");
        Assert.That(after.Proofs.Single().Accepted, Is.False);
    }

    [Test]
    public void Read_OneGenerationPastTheBound_RefusedAtTheBoundRead()
    {
        Rotate(Start);
        var last = KeyHistory.Read(Path.Combine(folder, KeyHistory.FileName)).Generations[^1] with { SealCertificate = null };
        var file = Path.Combine(folder, "many.json");
        List<KeyGenerationRecord> Chain(int count) => [.. Enumerable.Range(0, count).Select(i => last with
        {
            ValidFrom = i == 0 ? null : Start.AddSeconds(i),
            ValidUntil = i == count - 1 ? null : Start.AddSeconds(i + 1),
        })];

        new KeyHistory { Generations = Chain(CoreLimits.MaxKeyGenerations) }.Write(file);
        Assert.That(KeyHistory.Read(file).Generations, Has.Count.EqualTo(CoreLimits.MaxKeyGenerations), "exactly at the bound is read");
        new KeyHistory { Generations = Chain(CoreLimits.MaxKeyGenerations + 1) }.Write(file);
        Assert.That(() => KeyHistory.Read(file), Throws.InstanceOf<KeyFileException>().With.Message.Contains("generations"));
    }

    [Test]
    public void Read_OneBytePastTheSizeBound_Refused()
    {
        var file = Path.Combine(folder, "big.json");
        File.WriteAllText(file, new string(' ', (int)CoreLimits.MaxKeyHistoryBytes + 1));

        Assert.That(() => KeyHistory.Read(file), Throws.InstanceOf<KeyFileException>().With.Message.Contains("larger than"));
    }

    [Test]
    public void Load_HistoryWithAGapBetweenWindows_RefusedNamingIt()
    {
        Rotate(Start);
        var path = Path.Combine(folder, KeyHistory.FileName);
        var history = KeyHistory.Read(path);
        new KeyHistory { Generations = [history.Generations[0], history.Generations[1] with { ValidFrom = Start.AddDays(3) }] }.Write(path);

        Assert.That(() => Load(), Throws.InstanceOf<KeyFileException>().With.Message.Contains("must start when generation 1 ends"));
    }

    private KeyRotationResult Rotate(DateTimeOffset moment) => KeyRotation.Rotate(folder, moment, Password, "CN=Test seal", time);

    private IssuerKeySet Load() => IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(folder, Password), Samples.IssuerId, time: time);

    private static JsonObject Signed(IssuerSigningKeys keys, DateTimeOffset dated)
    {
        var credential = CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());
        credential.Remove("credentialStatus");
        credential["validFrom"] = dated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return DataIntegritySigner.Sign(credential, keys.Ed25519Key, keys.VerificationMethodId, dated);
    }
}
