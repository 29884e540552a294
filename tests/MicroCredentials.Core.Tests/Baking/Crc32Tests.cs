using System.Text;
using MicroCredentials.Baking;

namespace MicroCredentials.Core.Tests.Baking;

public sealed class Crc32Tests
{
    [TestCase("123456789", 0xCBF43926u, TestName = "Compute_CheckValue_MatchesIso3309")]
    [TestCase("IEND", 0xAE426082u, TestName = "Compute_IendChunk_MatchesEveryPngFile")]
    public void Compute_KnownInput_ReturnsKnownCrc(string input, uint expected)
    {
        var bytes = Encoding.ASCII.GetBytes(input);

        Assert.That(Crc32.Compute(bytes.AsSpan(0, 2), bytes.AsSpan(2)), Is.EqualTo(expected));
    }
}
