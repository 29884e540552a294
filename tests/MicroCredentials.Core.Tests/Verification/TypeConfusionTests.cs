using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Verification;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// Type confusion at every JSON path of a signed credential: each value in turn replaced by a string, numbers, a
/// boolean, null, arrays and objects (a value object, an object with a numeric id). Every reader — parsing, the
/// format and schema steps, proof reading, status entry reading, the summary, the VC-JWT claims — must answer with a
/// verdict, never throw.
/// </summary>
public sealed class TypeConfusionTests
{
    private static readonly string[] Shapes =
    [
        "\"x\"", "5", "-1.5e400", "true", "null", "[]", "{}", "[\"x\", 5, null]", "{\"@value\": \"x\", \"@language\": 5}", "{\"id\": 5}",
    ];

    [Test]
    public async Task EveryPath_EveryShape_GetsAVerdictFromEveryReader()
    {
        using var setup = new VerifierSetup();
        var signed = setup.Sign(VerifierSetup.Unsigned());
        var knowsNoKey = setup.Create(resolver: _ => null);
        var checker = setup.Checker();
        var handler = new JsonWebTokenHandler();
        var cases = 0;
        foreach (var path in Paths(signed, ""))
        {
            foreach (var shape in Shapes)
            {
                var mutated = (JsonObject)signed.DeepClone();
                Replace(mutated, path, JsonNode.Parse(shape));
                var text = mutated.ToJsonString();
                var context = $"{path} = {shape}";

                var report = await knowsNoKey.VerifyTextAsync(text, setup.Lists, CancellationToken.None);
                Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Valid), context);
                Assert.That(() => CredentialSummary.From(mutated, "nl"), Throws.Nothing, context);
                Assert.That(async () => await checker.CheckAsync(mutated, setup.Lists, CancellationToken.None), Throws.Nothing, context);

                var payload = (JsonObject)mutated.DeepClone();
                payload["iss"] = setup.Keys.IssuerId;
                payload["jti"] = signed["id"]!.GetValue<string>();
                payload["nbf"] = VerifierSetup.Issued.ToUnixTimeSeconds();
                var jwt = handler.CreateToken(payload.ToJsonString(), setup.Keys.Es256.SigningCredentials);
                Assert.That(async () => await setup.Verifier.VerifyTextAsync(jwt, setup.Lists, CancellationToken.None), Throws.Nothing, context);
                cases++;
            }
        }

        Assert.That(cases, Is.GreaterThan(1000));
    }

    // JSON pointers (with array indexes) of every value below the root.
    private static IEnumerable<string> Paths(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    yield return prefix + "/" + name;
                    foreach (var inner in Paths(value, prefix + "/" + name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return prefix + "/" + i;
                    foreach (var inner in Paths(a[i], prefix + "/" + i))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var tokens = path.Split('/')[1..];
        var parent = root;
        foreach (var token in tokens[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)]! : parent[token]!;
        }

        if (parent is JsonArray array)
        {
            array[int.Parse(tokens[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[tokens[^1]] = value;
        }
    }
}
