namespace MicroCredentials.Data.Tests;

public sealed class StatusListSnapshotTests
{
    private static StatusListSnapshot Snapshot(params int[] set) =>
        new(new StatusListInfo(1, StatusPurpose.Revocation, 131_072, 1, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), set);

    [Test]
    public void ToBitstring_Index23_IsLowBitOfByte2()
    {
        // Bitstring Status List §3.1: index 0 is the left-most bit; the validator sample has index 23 as byte 2 = 0x01.
        var bits = Snapshot(23).ToBitstring();

        Assert.That(bits.Bytes[2], Is.EqualTo(0x01));
        Assert.That(bits.SetIndexes(), Is.EqualTo(new[] { 23 }));
    }

    [Test]
    public void ToBitstring_FirstAndLastIndex_SetsOuterBits()
    {
        var bits = Snapshot(0, 131_071).ToBitstring();

        Assert.That(bits.Length, Is.EqualTo(131_072));
        Assert.That(bits.Bytes[0], Is.EqualTo(0x80));
        Assert.That(bits.Bytes[^1], Is.EqualTo(0x01));
    }

    [Test]
    public void ToBitstring_TestSizedList_ThrowsBecauseBelowTheSpecMinimum()
    {
        var small = new StatusListSnapshot(new StatusListInfo(1, StatusPurpose.Revocation, 16, 1, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), [3]);

        Assert.That(small.ToBitstring, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
