using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MicroCredentials.Verification.Schemas;

internal sealed partial class CompiledSchema
{
    private const int MaxErrors = 50;

    /// <summary>Whether <paramref name="instance"/> is valid; allocates nothing for locations or messages.</summary>
    /// <param name="instance">The document (a JSON null is <c>null</c>).</param>
    /// <param name="ignoredProperties">Top-level members to treat as absent (e.g. entries checked on their own).</param>
    public bool IsValid(JsonNode? instance, IReadOnlySet<string>? ignoredProperties = null) =>
        Evaluate(instance, null, null, ignoredProperties);

    /// <summary>Validates <paramref name="instance"/> and appends each error as "location: message".</summary>
    /// <param name="instance">The document.</param>
    /// <param name="errors">Receives the errors, at most 50 per call.</param>
    /// <param name="location">Where <paramref name="instance"/> sits in the enclosing document (JSON pointer), or null for the document itself.</param>
    /// <param name="ignoredProperties">Top-level members to treat as absent.</param>
    /// <returns>Whether the instance is valid.</returns>
    public bool Validate(JsonNode? instance, List<string> errors, string? location = null, IReadOnlySet<string>? ignoredProperties = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsValid(instance, ignoredProperties))
        {
            return true;
        }

        var sink = new ErrorSink(errors);
        Evaluate(instance, sink, location is null ? null : InstancePath.Root(location), ignoredProperties);
        if (sink.Count == 0)
        {
            errors.Add($"{InstancePath.Describe(null)}: does not match the schema.");
        }

        return false;
    }

    // One evaluation for both modes: sink null answers as fast as it can; with a sink every failure is recorded.
    // `ignored` applies to this very instance only (passed through $ref/allOf/anyOf/oneOf/not, never to children).
    private bool Evaluate(JsonNode? node, ErrorSink? sink, InstancePath? path, IReadOnlySet<string>? ignored)
    {
        if (constant is { } always)
        {
            if (!always)
            {
                sink?.Add(path, "is not allowed here");
            }

            return always;
        }

        var kind = KindOf(node, out var number);
        var ok = true;
        if (types != JsonTypes.None && !HasType(kind, number))
        {
            if (sink is null)
            {
                return false;
            }

            sink.Add(path, $"must be {Describe(types)} (found {Describe(kind)})");
            ok = false;
        }

        if (enumValues is not null && !InEnum(node))
        {
            if (sink is null)
            {
                return false;
            }

            sink.Add(path, $"must be one of {string.Join(", ", enumValues.Take(8).Select(Show))}{(enumValues.Length > 8 ? ", …" : "")} (found {Show(node)})");
            ok = false;
        }

        if (hasConst && !JsonEquals(node, constValue))
        {
            if (sink is null)
            {
                return false;
            }

            sink.Add(path, $"must be {Show(constValue)} (found {Show(node)})");
            ok = false;
        }

        ok &= kind switch
        {
            JsonTypes.Object => EvaluateObject((JsonObject)node!, sink, path, ignored),
            JsonTypes.Array => EvaluateArray((JsonArray)node!, sink, path),
            JsonTypes.String when hasStringChecks => EvaluateString(node!.GetValue<string>(), sink, path),
            JsonTypes.Number => EvaluateNumber(number, sink, path),
            _ => true,
        };
        if (!ok && sink is null)
        {
            return false;
        }

        return EvaluateApplicators(node, sink, path, ignored) && ok;
    }

    private bool EvaluateApplicators(JsonNode? node, ErrorSink? sink, InstancePath? path, IReadOnlySet<string>? ignored)
    {
        var ok = true;
        if (reference is not null && !reference.Evaluate(node, sink, path, ignored))
        {
            if (sink is null)
            {
                return false;
            }

            ok = false;
        }

        if (allOf is not null)
        {
            foreach (var part in allOf)
            {
                if (!part.Evaluate(node, sink, path, ignored))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    ok = false;
                }
            }
        }

        if (anyOf is not null && CountValid(anyOf, node, ignored, stopAt: 1) == 0)
        {
            sink?.Add(path, "does not have any of the allowed forms");
            ok = false;
        }

        if (oneOf is not null)
        {
            var matches = CountValid(oneOf, node, ignored, stopAt: 2);
            if (matches != 1)
            {
                sink?.Add(path, matches == 0 ? "does not have any of the allowed forms" : "matches more than one of the exclusive forms");
                ok = false;
            }
        }

        if (not is not null && not.Evaluate(node, null, null, ignored))
        {
            sink?.Add(path, "has a form that is not allowed");
            ok = false;
        }

        return ok;
    }

    private bool EvaluateObject(JsonObject obj, ErrorSink? sink, InstancePath? path, IReadOnlySet<string>? ignored)
    {
        var ok = true;
        if (required is not null)
        {
            foreach (var name in required)
            {
                if (!obj.ContainsKey(name) || ignored?.Contains(name) == true)
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    sink.Add(path, $"the required property \"{name}\" is missing");
                    ok = false;
                }
            }
        }

        if (minProperties >= 0 || maxProperties >= 0)
        {
            var count = ignored is null ? obj.Count : obj.Count(p => !ignored.Contains(p.Key));
            if ((minProperties >= 0 && count < minProperties) || (maxProperties >= 0 && count > maxProperties))
            {
                if (sink is null)
                {
                    return false;
                }

                sink.Add(path, count < minProperties ? $"must have at least {minProperties} propert{(minProperties == 1 ? "y" : "ies")}" : $"must have at most {maxProperties} properties");
                ok = false;
            }
        }

        if (properties is null && additionalProperties is null && propertyNames is null)
        {
            return ok;
        }

        foreach (var (name, value) in obj)
        {
            if (ignored?.Contains(name) == true)
            {
                continue;
            }

            if (propertyNames is not null && !propertyNames.Evaluate(JsonValue.Create(name), null, null, null))
            {
                if (sink is null)
                {
                    return false;
                }

                sink.Add(path, $"the property name \"{name}\" is not allowed");
                ok = false;
            }

            var schema = properties?.GetValueOrDefault(name) ?? additionalProperties;
            if (schema is { constant: false })
            {
                if (sink is null)
                {
                    return false;
                }

                sink.Add(path, $"the property \"{name}\" is not allowed");
                ok = false;
            }
            else if (schema is not null && !schema.Evaluate(value, sink, sink is null ? null : InstancePath.Member(path, name), null))
            {
                if (sink is null)
                {
                    return false;
                }

                ok = false;
            }
        }

        return ok;
    }

    private bool EvaluateArray(JsonArray array, ErrorSink? sink, InstancePath? path)
    {
        var ok = true;
        if ((minItems >= 0 && array.Count < minItems) || (maxItems >= 0 && array.Count > maxItems))
        {
            if (sink is null)
            {
                return false;
            }

            sink.Add(path, array.Count < minItems ? $"must have at least {minItems} item{(minItems == 1 ? "" : "s")}" : $"must have at most {maxItems} items");
            ok = false;
        }

        if (items is not null || tupleItems is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                // A tuple's positions first; additionalItems only applies after a tuple (draft 2019-09 §9.3.1.2).
                var schema = tupleItems is null ? items : i < tupleItems.Length ? tupleItems[i] : additionalItems;
                if (schema is not null && !schema.Evaluate(array[i], sink, sink is null ? null : InstancePath.Item(path, i), null))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    ok = false;
                }
            }
        }

        if (contains is not null && !Contains(array, contains))
        {
            sink?.Add(path, contains.enumValues is { } wanted
                ? $"must contain {string.Join(" or ", wanted.Select(Show))}"
                : "must contain an item of the required form");
            ok = false;
        }

        return ok;
    }

    private bool EvaluateString(string text, ErrorSink? sink, InstancePath? path)
    {
        var ok = true;
        if (minLength >= 0 || maxLength >= 0)
        {
            // Length in Unicode code points (draft 2019-09 §6.3): a surrogate pair is one character.
            var length = CodePoints(text);
            if ((minLength >= 0 && length < minLength) || (maxLength >= 0 && length > maxLength))
            {
                if (sink is null)
                {
                    return false;
                }

                sink.Add(path, length < minLength ? $"must be at least {minLength} character{(minLength == 1 ? "" : "s")} long" : $"must be at most {maxLength} characters long");
                ok = false;
            }
        }

        if (pattern is not null && !Matches(pattern, text))
        {
            if (sink is null)
            {
                return false;
            }

            sink.Add(path, $"{Show(text)} does not have the required form ({patternText})");
            ok = false;
        }

        if (format != SchemaFormat.None && !SchemaFormats.IsValid(format, text))
        {
            sink?.Add(path, format == SchemaFormat.DateTime
                ? $"{Show(text)} is not a date-time with a time zone (RFC 3339, e.g. 2026-09-01T00:00:00Z)"
                : $"{Show(text)} is not a date (RFC 3339, e.g. 2026-09-01)");
            ok = false;
        }

        return ok;
    }

    private bool EvaluateNumber(double value, ErrorSink? sink, InstancePath? path)
    {
        string? problem = null;
        if (minimum is { } min && value < (double)min)
        {
            problem = $"must be at least {min.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (exclusiveMinimum is { } xmin && value <= (double)xmin)
        {
            problem = $"must be greater than {xmin.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (maximum is { } max && value > (double)max)
        {
            problem = $"must be at most {max.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (exclusiveMaximum is { } xmax && value >= (double)xmax)
        {
            problem = $"must be less than {xmax.ToString(CultureInfo.InvariantCulture)}";
        }

        if (problem is not null)
        {
            sink?.Add(path, problem);
        }

        return problem is null;
    }

    private bool InEnum(JsonNode? node)
    {
        for (var i = 0; i < enumValues!.Length; i++)
        {
            if (enumStrings![i] is { } text ? IsString(node, text) : JsonNode.DeepEquals(node, enumValues[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountValid(CompiledSchema[] schemas, JsonNode? node, IReadOnlySet<string>? ignored, int stopAt)
    {
        var valid = 0;
        for (var i = 0; i < schemas.Length && valid < stopAt; i++)
        {
            valid += schemas[i].Evaluate(node, null, null, ignored) ? 1 : 0;
        }

        return valid;
    }

    private static bool Contains(JsonArray array, CompiledSchema schema)
    {
        foreach (var item in array)
        {
            if (schema.Evaluate(item, null, null, null))
            {
                return true;
            }
        }

        return false;
    }

    private static int CodePoints(string text)
    {
        var length = text.Length;
        foreach (var c in text)
        {
            length -= char.IsLowSurrogate(c) ? 1 : 0;
        }

        return length;
    }

    // A string comparison that reads a parsed value in place, without materialising it as a string.
    private static bool IsString(JsonNode? node, string expected) => node is JsonValue value
        && (value.TryGetValue<JsonElement>(out var element)
            ? element.ValueKind == JsonValueKind.String && element.ValueEquals(expected)
            : value.GetValueKind() == JsonValueKind.String && string.Equals(value.GetValue<string>(), expected, StringComparison.Ordinal));

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a string no pattern of ours should take this long on is not of the required form
        }
    }

    private bool HasType(JsonTypes kind, double number) =>
        (types & kind) != 0
        || (kind == JsonTypes.Number && (types & JsonTypes.Integer) != 0 && double.IsFinite(number) && Math.Floor(number) == number);

    private static JsonTypes KindOf(JsonNode? node, out double number)
    {
        number = 0;
        switch (node)
        {
            case null:
                return JsonTypes.Null;
            case JsonObject:
                return JsonTypes.Object;
            case JsonArray:
                return JsonTypes.Array;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonTypes.String;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return JsonTypes.Boolean;
            case JsonValueKind.Number:
                number = ReadNumber(node.AsValue());
                return JsonTypes.Number;
            default:
                return JsonTypes.Null;
        }
    }

    private static double ReadNumber(JsonValue value) =>
        value.TryGetValue<JsonElement>(out var element) ? element.GetDouble()
        : value.TryGetValue<double>(out var d) ? d
        : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool JsonEquals(JsonNode? node, JsonNode? expected)
    {
        return expected is JsonValue e && e.GetValueKind() == JsonValueKind.String
            ? IsString(node, e.GetValue<string>())
            : JsonNode.DeepEquals(node, expected);
    }

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString();
        return text.Length <= 60 ? text : text[..57] + "…";
    }

    private static string Show(string text) => Show(JsonValue.Create(text));

    private static string Describe(JsonTypes types)
    {
        var names = new List<string>();
        foreach (var (type, name) in TypeNames)
        {
            if ((types & type) != 0 && !(type == JsonTypes.Integer && (types & JsonTypes.Number) != 0))
            {
                names.Add(name);
            }
        }

        return string.Join(" or ", names);
    }

    private static readonly (JsonTypes Type, string Name)[] TypeNames =
    [
        (JsonTypes.Object, "an object"), (JsonTypes.Array, "an array"), (JsonTypes.String, "a string"), (JsonTypes.Number, "a number"),
        (JsonTypes.Integer, "an integer"), (JsonTypes.Boolean, "true or false"), (JsonTypes.Null, "null"),
    ];

    /// <summary>Collects messages; stops growing after <see cref="MaxErrors"/>.</summary>
    private sealed class ErrorSink(List<string> errors)
    {
        public int Count { get; private set; }

        public void Add(InstancePath? path, string message)
        {
            Count++;
            if (Count <= MaxErrors)
            {
                errors.Add($"{InstancePath.Describe(path)}: {message}.");
            }
        }
    }
}
