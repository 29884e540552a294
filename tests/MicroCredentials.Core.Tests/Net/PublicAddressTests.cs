using System.Net;
using MicroCredentials.Net;

namespace MicroCredentials.Core.Tests.Net;

/// <summary>Every special-purpose range is refused; public unicast (also embedded in IPv6) is allowed.</summary>
public sealed class PublicAddressTests
{
    [TestCase("127.0.0.1", TestName = "IsPublic_Loopback_False")]
    [TestCase("127.255.255.254", TestName = "IsPublic_LoopbackRangeEnd_False")]
    [TestCase("10.1.2.3", TestName = "IsPublic_Rfc1918Ten_False")]
    [TestCase("172.16.0.1", TestName = "IsPublic_Rfc1918OneSevenTwo_False")]
    [TestCase("172.31.255.255", TestName = "IsPublic_Rfc1918OneSevenTwoEnd_False")]
    [TestCase("192.168.1.1", TestName = "IsPublic_Rfc1918OneNineTwo_False")]
    [TestCase("100.64.0.1", TestName = "IsPublic_Cgnat_False")]
    [TestCase("100.127.255.255", TestName = "IsPublic_CgnatEnd_False")]
    [TestCase("169.254.169.254", TestName = "IsPublic_LinkLocalCloudMetadata_False")]
    [TestCase("0.0.0.0", TestName = "IsPublic_Unspecified_False")]
    [TestCase("0.1.2.3", TestName = "IsPublic_ThisNetwork_False")]
    [TestCase("224.0.0.1", TestName = "IsPublic_Multicast_False")]
    [TestCase("239.255.255.250", TestName = "IsPublic_MulticastSsdp_False")]
    [TestCase("240.0.0.1", TestName = "IsPublic_Reserved_False")]
    [TestCase("255.255.255.255", TestName = "IsPublic_Broadcast_False")]
    [TestCase("192.0.0.8", TestName = "IsPublic_IetfAssignments_False")]
    [TestCase("192.0.2.1", TestName = "IsPublic_TestNet1_False")]
    [TestCase("198.51.100.7", TestName = "IsPublic_TestNet2_False")]
    [TestCase("203.0.113.9", TestName = "IsPublic_TestNet3_False")]
    [TestCase("198.18.0.1", TestName = "IsPublic_Benchmarking_False")]
    [TestCase("192.88.99.1", TestName = "IsPublic_SixToFourRelay_False")]
    [TestCase("::1", TestName = "IsPublic_V6Loopback_False")]
    [TestCase("::", TestName = "IsPublic_V6Unspecified_False")]
    [TestCase("fc00::1", TestName = "IsPublic_UniqueLocalFc_False")]
    [TestCase("fd12:3456::1", TestName = "IsPublic_UniqueLocalFd_False")]
    [TestCase("fe80::1", TestName = "IsPublic_V6LinkLocal_False")]
    [TestCase("fec0::1", TestName = "IsPublic_V6SiteLocal_False")]
    [TestCase("ff02::1", TestName = "IsPublic_V6Multicast_False")]
    [TestCase("::ffff:127.0.0.1", TestName = "IsPublic_MappedLoopback_False")]
    [TestCase("::ffff:10.0.0.1", TestName = "IsPublic_MappedPrivate_False")]
    [TestCase("::ffff:169.254.169.254", TestName = "IsPublic_MappedLinkLocal_False")]
    [TestCase("::127.0.0.1", TestName = "IsPublic_CompatibleLoopback_False")]
    [TestCase("::8.8.8.8", TestName = "IsPublic_CompatiblePublic_False")]
    [TestCase("64:ff9b::7f00:1", TestName = "IsPublic_Nat64Loopback_False")]
    [TestCase("64:ff9b:1::1", TestName = "IsPublic_Nat64LocalUse_False")]
    [TestCase("2002:7f00:1::1", TestName = "IsPublic_SixToFourLoopback_False")]
    [TestCase("2002:c0a8:101::1", TestName = "IsPublic_SixToFourPrivate_False")]
    [TestCase("2001::1", TestName = "IsPublic_Teredo_False")]
    [TestCase("2001:db8::1", TestName = "IsPublic_V6Documentation_False")]
    [TestCase("3fff::1", TestName = "IsPublic_V6DocumentationNew_False")]
    [TestCase("100::1", TestName = "IsPublic_V6Discard_False")]
    public void IsPublic_SpecialPurpose_False(string address) =>
        Assert.That(PublicAddress.IsPublic(IPAddress.Parse(address)), Is.False);

    [TestCase("8.8.8.8", TestName = "IsPublic_PublicV4_True")]
    [TestCase("172.32.0.1", TestName = "IsPublic_JustPastRfc1918_True")]
    [TestCase("100.128.0.1", TestName = "IsPublic_JustPastCgnat_True")]
    [TestCase("2606:4700:4700::1111", TestName = "IsPublic_PublicV6_True")]
    [TestCase("::ffff:8.8.8.8", TestName = "IsPublic_MappedPublic_True")]
    [TestCase("64:ff9b::808:808", TestName = "IsPublic_Nat64Public_True")]
    [TestCase("2002:808:808::1", TestName = "IsPublic_SixToFourPublic_True")]
    public void IsPublic_PublicUnicast_True(string address) =>
        Assert.That(PublicAddress.IsPublic(IPAddress.Parse(address)), Is.True);

    [Test]
    public void IsAllowed_TestSwitch_AllowsLoopbackButNotPrivate()
    {
        Assert.That(PublicAddress.IsAllowed(IPAddress.Loopback, PublicHttpOptions.LoopbackForTesting), Is.True);
        Assert.That(PublicAddress.IsAllowed(IPAddress.IPv6Loopback, PublicHttpOptions.LoopbackForTesting), Is.True);
        Assert.That(PublicAddress.IsAllowed(IPAddress.Parse("10.0.0.1"), PublicHttpOptions.LoopbackForTesting), Is.False);
        Assert.That(PublicAddress.IsAllowed(IPAddress.Loopback, PublicHttpOptions.Default), Is.False);
    }
}
