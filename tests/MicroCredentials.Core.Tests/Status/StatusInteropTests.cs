using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>Our encodedList against @digitalbazaar/vc-bitstring-status-list (Node), in both directions.</summary>
[NonParallelizable]
public sealed class StatusInteropTests
{
    private const string Package = "@digitalbazaar/vc-bitstring-status-list";

    [OneTimeSetUp]
    public Task InstallAsync() => NodeInterop.EnsureInstalledAsync(Package);

    private static IEnumerable<TestCaseData> Lists()
    {
        yield return new TestCaseData(131_072, Array.Empty<int>()).SetName("Decode_OurEmptyList_ReferenceReadsNoBits");
        yield return new TestCaseData(131_072, new[] { 0, 7, 8, 23, 4_242, 65_535, 131_071 }).SetName("Decode_OurListEdgeIndexes_ReferenceReadsSameBits");
        var random = new Random(42);
        yield return new TestCaseData(131_072, Enumerable.Range(0, 1_311).Select(_ => random.Next(131_072)).Distinct().Order().ToArray())
            .SetName("Decode_OurListOnePercentSet_ReferenceReadsSameBits");
        yield return new TestCaseData(262_144, new[] { 1, 200_000, 262_143 }).SetName("Decode_OurDoubleSizeList_ReferenceReadsSameBits");
    }

    [TestCaseSource(nameof(Lists))]
    public async Task Decode_OurList_ReferenceReadsSameBits(int length, int[] indexes)
    {
        var list = new Bitstring(length);
        foreach (var index in indexes)
        {
            list.Set(index, true);
        }

        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"status-interop-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, list.Encode());
        try
        {
            var (exit, output, error) = await NodeInterop.NodeAsync("status-decode.mjs", file);

            Assert.That(exit, Is.Zero, error);
            var decoded = JsonNode.Parse(output)!;
            Assert.That((int)decoded["length"]!, Is.EqualTo(length));
            Assert.That(decoded["set"]!.AsArray().Select(n => (int)n!), Is.EqualTo(indexes));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Decode_OurListCredential_ReferenceReadsSameBits()
    {
        var list = new Bitstring();
        list.Set(48_211, true);
        var credential = StatusListCredentialBuilder.Build("https://x.example/status/1", "did:web:x.example", StatusPurpose.Revocation, list,
            new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"status-interop-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, credential.ToJsonString());
        try
        {
            var (exit, output, error) = await NodeInterop.NodeAsync("status-decode.mjs", file);

            Assert.That(exit, Is.Zero, error);
            Assert.That(JsonNode.Parse(output)!["set"]!.AsArray().Select(n => (int)n!), Is.EqualTo(new[] { 48_211 }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Decode_ReferenceEncodedList_WeReadSameBits()
    {
        int[] indexes = [3, 23, 99_999, 131_071];

        var (exit, output, error) = await NodeInterop.NodeAsync("status-encode.mjs", "131072", "[" + string.Join(',', indexes) + "]");

        Assert.That(exit, Is.Zero, error);
        var decoded = Bitstring.Decode(output.Trim());
        Assert.That(decoded.Succeeded, Is.True, decoded.Detail);
        Assert.That(decoded.Bitstring!.SetIndexes(), Is.EqualTo(indexes));
    }

    [Test]
    public async Task Decode_ValidatorSample_ReferenceAndWeBothReadBit23()
    {
        var path = Path.Combine(RepositoryPaths.Standards, "ob3", "samples", "validator-bitstring-status-list-credential.json");

        var (exit, output, error) = await NodeInterop.NodeAsync("status-decode.mjs", path);
        var ours = StatusListCredential.Read(JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject());

        Assert.That(exit, Is.Zero, error);
        Assert.That(JsonNode.Parse(output)!["set"]!.AsArray().Select(n => (int)n!), Is.EqualTo(new[] { 23 }));
        Assert.That(ours.Credential!.List.SetIndexes(), Is.EqualTo(new[] { 23 }));
    }
}
