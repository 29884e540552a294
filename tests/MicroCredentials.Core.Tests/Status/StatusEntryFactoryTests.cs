using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusEntryFactoryTests
{
    [Test]
    public void Create_RevocationEntry_MatchesStandardsShape()
    {
        var entry = StatusEntryFactory.Create("https://credentials.example.edu/status/1", StatusPurpose.Revocation, 48_211);

        var json = JsonSerializer.SerializeToNode(entry, CredentialJson.Options);
        var expected = JsonNode.Parse("""
            { "id": "https://credentials.example.edu/status/1#48211", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": "48211",
              "statusListCredential": "https://credentials.example.edu/status/1" }
            """);
        Assert.That(JsonNode.DeepEquals(json, expected), Is.True, json!.ToJsonString());
        Assert.That(entry.Id, Is.Not.EqualTo(entry.StatusListCredential));
    }

    [Test]
    public void ForProfile_Default_IsOneRevocationEntry()
    {
        var entries = StatusEntryFactory.ForProfile(9, "https://x.example/status/1");

        Assert.That(entries.Select(e => (e.StatusPurpose, e.StatusListIndex)), Is.EqualTo(new[] { ("revocation", "9") }));
    }

    [Test]
    public void ForProfile_TwoEntry_IsRevocationThenSuspension()
    {
        var entries = StatusEntryFactory.ForProfile(9, "https://x.example/status/1", (4, "https://x.example/status/2"));

        Assert.That(entries.Select(e => (e.StatusPurpose, e.StatusListCredential, e.StatusListIndex)), Is.EqualTo(new[]
        {
            ("revocation", "https://x.example/status/1", "9"), ("suspension", "https://x.example/status/2", "4"),
        }));
    }

    [Test]
    public void Create_OnePerPurpose_HaveDistinctIds()
    {
        var revocation = StatusEntryFactory.Create("https://x.example/status/r1", StatusPurpose.Revocation, 5);
        var suspension = StatusEntryFactory.Create("https://x.example/status/s1", StatusPurpose.Suspension, 5);

        Assert.That(revocation.Id, Is.Not.EqualTo(suspension.Id));
        Assert.That(suspension.StatusPurpose, Is.EqualTo("suspension"));
    }

    [Test]
    public void Create_BadArguments_Throw()
    {
        Assert.That(() => StatusEntryFactory.Create("https://x.example/status/1", StatusPurpose.Revocation, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => StatusEntryFactory.Create("/status/1", StatusPurpose.Revocation, 1), Throws.ArgumentException);
        Assert.That(() => StatusEntryFactory.Create("https://x.example/status/1#a", StatusPurpose.Revocation, 1), Throws.ArgumentException);
        Assert.That(() => StatusEntryFactory.Create("https://x.example/status/1", " ", 1), Throws.ArgumentException);
    }
}
