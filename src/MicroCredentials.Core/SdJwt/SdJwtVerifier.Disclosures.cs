using System.Globalization;
using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>RFC 9901 §7.1 steps 3–5: digests replaced by disclosed claims.</summary>
public static partial class SdJwtVerifier
{
    private static SdJwtVerificationResult ProcessDisclosures(CompactJws jws, IReadOnlyList<string> encoded, out List<string> disclosedPaths)
    {
        disclosedPaths = [];
        var byDigest = new Dictionary<string, SdJwtDisclosure>(StringComparer.Ordinal);
        foreach (var text in encoded)
        {
            var disclosure = SdJwtDisclosure.TryParse(text, out var error);
            if (disclosure is null)
            {
                return Fail(SdJwtVerificationFailure.DisclosureInvalid, error!, null);
            }

            if (!byDigest.TryAdd(disclosure.Digest, disclosure))
            {
                return Fail(SdJwtVerificationFailure.DisclosureInvalid, "a disclosure is sent twice", null);
            }
        }

        var state = new ProcessState(byDigest, disclosedPaths);
        var payload = (JsonObject)jws.Payload.DeepClone();
        payload.Remove(SdJwtTerms.SdAlg);
        var failure = Walk(payload, "", 0, state);
        if (failure is not null)
        {
            return failure;
        }

        if (state.Used.Count != byDigest.Count)
        {
            return Fail(SdJwtVerificationFailure.DisclosureInvalid, "a disclosure is not referenced by any digest", null);
        }

        return new SdJwtVerificationResult { Payload = payload };
    }

    private static SdJwtVerificationResult? Walk(JsonNode? node, string path, int depth, ProcessState state)
    {
        if (node is not (JsonObject or JsonArray))
        {
            return null;
        }

        if (depth > CoreLimits.MaxSdJwtNestingDepth)
        {
            return Fail(SdJwtVerificationFailure.TooDeep, $"the payload nests deeper than {CoreLimits.MaxSdJwtNestingDepth}", null);
        }

        return node is JsonObject obj ? WalkObject(obj, path, depth, state) : WalkArray((JsonArray)node, path, depth, state);
    }

    private static SdJwtVerificationResult? WalkObject(JsonObject obj, string path, int depth, ProcessState state)
    {
        List<string> digests = [];
        if (obj.TryGetPropertyValue(SdJwtTerms.Sd, out var sd))
        {
            if (sd is not JsonArray sdArray || !TryStrings(sdArray, digests))
            {
                return Fail(SdJwtVerificationFailure.DigestInvalid, "_sd must be an array of strings", null);
            }

            obj.Remove(SdJwtTerms.Sd);
        }

        // Plain members first (their own digests are processed inside them), then the disclosed ones.
        foreach (var (name, value) in obj.ToList())
        {
            var failure = Walk(value, path + "/" + Escape(name), depth + 1, state);
            if (failure is not null)
            {
                return failure;
            }
        }

        foreach (var digest in digests)
        {
            if (!state.Seen.Add(digest))
            {
                return Fail(SdJwtVerificationFailure.DigestInvalid, "a digest appears more than once", null);
            }

            if (!state.ByDigest.TryGetValue(digest, out var disclosure))
            {
                continue; // A decoy, or a claim the holder did not disclose.
            }

            if (disclosure.IsArrayElement)
            {
                return Fail(SdJwtVerificationFailure.DisclosureInvalid, "an array element disclosure is referenced from _sd", null);
            }

            if (obj.ContainsKey(disclosure.Name!))
            {
                return Fail(SdJwtVerificationFailure.DisclosureInvalid, $"the disclosed claim '{disclosure.Name}' already exists", null);
            }

            state.Used.Add(digest);
            var value = disclosure.CloneValue();
            obj[disclosure.Name!] = value;
            var childPath = path + "/" + Escape(disclosure.Name!);
            state.DisclosedPaths.Add(childPath);
            var failure = Walk(value, childPath, depth + 1, state);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static SdJwtVerificationResult? WalkArray(JsonArray array, string path, int depth, ProcessState state)
    {
        var items = array.ToList();
        array.Clear();
        foreach (var item in items)
        {
            if (item is JsonObject placeholder && placeholder.ContainsKey(SdJwtTerms.ArrayElementDigest))
            {
                if (placeholder.Count != 1 || CompactJws.StringMember(placeholder, SdJwtTerms.ArrayElementDigest) is not { } digest)
                {
                    return Fail(SdJwtVerificationFailure.DigestInvalid, "an array digest is {\"...\": digest} and nothing else", null);
                }

                if (!state.Seen.Add(digest))
                {
                    return Fail(SdJwtVerificationFailure.DigestInvalid, "a digest appears more than once", null);
                }

                if (!state.ByDigest.TryGetValue(digest, out var disclosure))
                {
                    continue; // Not disclosed: the element is left out (§7.1 step 3c).
                }

                if (!disclosure.IsArrayElement)
                {
                    return Fail(SdJwtVerificationFailure.DisclosureInvalid, "an object member disclosure is referenced from an array", null);
                }

                state.Used.Add(digest);
                var value = disclosure.CloneValue();
                var childPath = path + "/" + array.Count.ToString(CultureInfo.InvariantCulture);
                array.Add(value);
                state.DisclosedPaths.Add(childPath);
                var failure = Walk(value, childPath, depth + 1, state);
                if (failure is not null)
                {
                    return failure;
                }
            }
            else
            {
                var childPath = path + "/" + array.Count.ToString(CultureInfo.InvariantCulture);
                array.Add(item);
                var failure = Walk(item, childPath, depth + 1, state);
                if (failure is not null)
                {
                    return failure;
                }
            }
        }

        return null;
    }

    private static bool TryStrings(JsonArray array, List<string> into)
    {
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return false;
            }

            into.Add(text);
        }

        return true;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private sealed class ProcessState(Dictionary<string, SdJwtDisclosure> byDigest, List<string> disclosedPaths)
    {
        public Dictionary<string, SdJwtDisclosure> ByDigest { get; } = byDigest;

        public List<string> DisclosedPaths { get; } = disclosedPaths;

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);
    }
}
