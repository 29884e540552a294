using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>Randomised properties with fixed seeds (reproducible): bits flip only where asked; encoding round-trips.</summary>
public sealed class BitstringPropertyTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Set_RandomOperations_FlipOnlyTheAskedBits(int seed)
    {
        var random = new Random(seed);
        var list = new Bitstring();
        var model = new bool[list.Length];

        var previous = list.Bytes.ToArray();
        for (var step = 0; step < 5_000; step++)
        {
            var index = random.Next(list.Length);
            var value = random.Next(3) > 0;

            list.Set(index, value);
            model[index] = value;

            // Only the byte holding the index may change, and within it only the asked bit.
            var current = list.Bytes;
            var at = index / 8;
            Assert.That(current[..at].SequenceEqual(previous.AsSpan(0, at)), Is.True, $"step {step}: a byte before the index changed");
            Assert.That(current[(at + 1)..].SequenceEqual(previous.AsSpan(at + 1)), Is.True, $"step {step}: a byte after the index changed");
            Assert.That((previous[at] ^ current[at]) & ~(0x80 >> (index % 8)), Is.Zero, $"step {step}: another bit of the byte changed");
            Assert.That(list.Get(index), Is.EqualTo(value));
            current.CopyTo(previous);
        }

        var expected = Enumerable.Range(0, model.Length).Where(i => model[i]).ToList();
        Assert.That(list.SetIndexes(), Is.EqualTo(expected));
        Assert.That(Enumerable.Range(0, model.Length).All(i => list.Get(i) == model[i]), Is.True);
    }

    [TestCase(11, 0.0)]
    [TestCase(12, 0.01)]
    [TestCase(13, 0.5)]
    [TestCase(14, 1.0)]
    public void EncodeDecode_RandomLists_RoundTrip(int seed, double density)
    {
        var random = new Random(seed);
        var list = new Bitstring(Bitstring.MinimumLength * (1 + random.Next(3)));
        for (var i = 0; i < list.Length; i++)
        {
            if (random.NextDouble() < density)
            {
                list.Set(i, true);
            }
        }

        var decoded = Bitstring.Decode(list.Encode());

        Assert.That(decoded.Succeeded, Is.True, decoded.Detail);
        Assert.That(decoded.Bitstring!.Bytes.SequenceEqual(list.Bytes), Is.True);
    }
}
