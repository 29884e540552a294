using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>
/// JSON-LD object comparison for the expansion suite: keys unordered, arrays unordered except <c>@list</c> values,
/// numbers by value, language tags case-insensitive.
/// </summary>
internal static class JsonLdEquality
{
    public static bool AreEqual(JsonNode? a, JsonNode? b) => Equal(a, b, ordered: false, key: null);

    private static bool Equal(JsonNode? a, JsonNode? b, bool ordered, string? key)
    {
        switch (a)
        {
            case null:
                return b is null;
            case JsonObject oa:
            {
                if (b is not JsonObject ob || oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (k, v) in oa)
                {
                    if (!ob.TryGetPropertyValue(k, out var w) || !Equal(v, w, k == "@list", k))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonArray la:
            {
                if (b is not JsonArray lb || la.Count != lb.Count)
                {
                    return false;
                }

                if (ordered)
                {
                    return la.Select((x, i) => Equal(x, lb[i], false, key)).All(r => r);
                }

                var unmatched = lb.ToList();
                foreach (var x in la)
                {
                    var match = unmatched.FindIndex(y => Equal(x, y, false, key));
                    if (match < 0)
                    {
                        return false;
                    }

                    unmatched.RemoveAt(match);
                }

                return true;
            }

            default:
            {
                if (b is not JsonValue vb)
                {
                    return false;
                }

                var va = a.AsValue();
                if (va.GetValueKind() != vb.GetValueKind())
                {
                    return false;
                }

                return va.GetValueKind() switch
                {
                    JsonValueKind.Number => va.GetValue<double>().Equals(vb.GetValue<double>()),
                    JsonValueKind.String => key == "@language"
                        ? string.Equals(va.GetValue<string>(), vb.GetValue<string>(), StringComparison.OrdinalIgnoreCase)
                        : va.GetValue<string>() == vb.GetValue<string>(),
                    _ => true,
                };
            }
        }
    }
}
