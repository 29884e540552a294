namespace MicroCredentials.Data.Tests;

public sealed class LearnerEmailHashTests
{
    private static readonly byte[] Pepper = "0123456789abcdef"u8.ToArray();

    [Test]
    public void Compute_CaseAndSurroundingSpace_SameHash() =>
        Assert.That(LearnerEmailHash.Compute(Pepper, " An.Peeters@Example.BE "), Is.EqualTo(LearnerEmailHash.Compute(Pepper, "an.peeters@example.be")));

    [Test]
    public void Compute_OtherPepper_OtherHash() =>
        Assert.That(LearnerEmailHash.Compute("fedcba9876543210"u8, "a@b.be"), Is.Not.EqualTo(LearnerEmailHash.Compute(Pepper, "a@b.be")));

    [Test]
    public void Compute_KnownVector_IsHmacSha256Hex() =>
        Assert.That(
            LearnerEmailHash.Compute(Pepper, "a@b.be"),
            Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Pepper, "a@b.be"u8))));

    [Test]
    public void Compute_ShortPepper_Throws() =>
        Assert.That(() => LearnerEmailHash.Compute("short"u8, "a@b.be"), Throws.ArgumentException);
}
