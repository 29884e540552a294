using System.Text;
using MicroCredentials.Model;

namespace MicroCredentials.Core.Tests.Verification;

public sealed class CredentialJsonParseTests
{
    [TestCase("""{"id":"a","id":"b"}""", "id", TestName = "Repeated member at the top")]
    [TestCase("""{"credentialSubject":{"achievement":{"name":"x","name":"y"}}}""", "name", TestName = "Repeated member nested")]
    [TestCase("""{"proof":[{"type":"a"},{"type":"b","type":"c"}]}""", "type", TestName = "Repeated member in an array element")]
    [TestCase("""{"a":1,"\u0061":2}""", "a", TestName = "Repeated member spelt with an escape")]
    public void TryParse_RepeatedMember_SaysWhichMember(string json, string member)
    {
        var result = CredentialJson.TryParse(json);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Failure, Is.EqualTo(JsonParseFailure.DuplicateMember));
        Assert.That(result.Problem, Does.Contain($"the JSON repeats the member `{member}`").IgnoreCase);
    }

    [Test]
    public void TryParse_SameNameInSiblingObjects_IsFine()
    {
        var result = CredentialJson.TryParse("""{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]}""");

        Assert.That(result.Succeeded, Is.True, result.Problem);
        Assert.That(result.Document!["c"]![1]!["id"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [TestCase("""{"name":"\ud800"}""", TestName = "Lone high surrogate in a value")]
    [TestCase("""{"name":"\udc00x"}""", TestName = "Lone low surrogate in a value")]
    [TestCase("""{"\ud800":"x"}""", TestName = "Lone surrogate in a member name")]
    [TestCase("""{"a":["ok","\ud83d"]}""", TestName = "Lone surrogate in an array")]
    public void TryParse_LoneSurrogateEscape_IsInvalidText(string json)
    {
        var result = CredentialJson.TryParse(json);

        Assert.That(result.Failure, Is.EqualTo(JsonParseFailure.InvalidText));
        Assert.That(result.Problem, Does.Contain("not Unicode"));
    }

    [Test]
    public void TryParse_StringHoldingALoneSurrogateChar_IsInvalidText()
    {
        var result = CredentialJson.TryParse("{\"name\":\"" + '\ud800' + "\"}");

        Assert.That(result.Failure, Is.EqualTo(JsonParseFailure.InvalidText));
    }

    [Test]
    public void TryParse_InvalidUtf8Bytes_IsInvalidText()
    {
        byte[] bytes = [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.That(CredentialJson.TryParse(bytes).Failure, Is.EqualTo(JsonParseFailure.InvalidText));
    }

    [Test]
    public void TryParse_Utf8WithByteOrderMark_IsRead() =>
        Assert.That(CredentialJson.TryParse([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8]).Succeeded, Is.True);

    [Test]
    public void TryParse_ValidSurrogatePair_IsKept()
    {
        var result = CredentialJson.TryParse("""{"name":"\ud83d\ude00 Ünïcødé"}""");

        Assert.That(result.Document!["name"]!.GetValue<string>(), Is.EqualTo("😀 Ünïcødé"));
    }

    [Test]
    public void TryParse_NestingAtTheBound_IsRead_OnePast_IsNotJson()
    {
        static string Nested(int depth) => "{\"a\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        Assert.That(CredentialJson.TryParse(Nested(CoreLimits.MaxCredentialJsonDepth)).Succeeded, Is.True);
        var past = CredentialJson.TryParse(Nested(CoreLimits.MaxCredentialJsonDepth + 1));
        Assert.That(past.Failure, Is.EqualTo(JsonParseFailure.NotJson));
        Assert.That(past.Problem, Does.Contain("depth"));
    }

    [Test]
    public void TryParse_SizeAtTheBound_IsRead_OnePast_IsTooLarge()
    {
        static byte[] OfSize(int size) => Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', size - 8) + "\"}");

        Assert.That(OfSize(CoreLimits.MaxCredentialJsonBytes), Has.Length.EqualTo(CoreLimits.MaxCredentialJsonBytes));
        Assert.That(CredentialJson.TryParse(OfSize(CoreLimits.MaxCredentialJsonBytes)).Succeeded, Is.True);
        Assert.That(CredentialJson.TryParse(OfSize(CoreLimits.MaxCredentialJsonBytes + 1)).Failure, Is.EqualTo(JsonParseFailure.TooLarge));
    }

    [TestCase("[1,2]", JsonParseFailure.NotAnObject, TestName = "An array")]
    [TestCase("\"text\"", JsonParseFailure.NotAnObject, TestName = "A string")]
    [TestCase("{\"a\":1,}", JsonParseFailure.NotJson, TestName = "Trailing comma")]
    [TestCase("{\"a\":1} // comment", JsonParseFailure.NotJson, TestName = "Comment")]
    [TestCase("{\"a\":1}{}", JsonParseFailure.NotJson, TestName = "Two values")]
    [TestCase("", JsonParseFailure.NotJson, TestName = "Nothing")]
    public void TryParse_NotOneObject_Fails(string json, JsonParseFailure expected)
    {
        Assert.That(CredentialJson.TryParse(json).Failure, Is.EqualTo(expected));
    }
}
