using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MicroCredentials.Verification.Schemas;

/// <summary>
/// A JSON Schema (draft 2019-09) compiled once into a tree of checks that evaluate a <see cref="JsonNode"/> directly.
/// It covers the assertion and applicator keywords the OB 3.0 schemas and our extension schema use — <c>type</c>,
/// <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>propertyNames</c>,
/// <c>min/maxProperties</c>, <c>items</c> (schema or tuple), <c>additionalItems</c>, <c>min/maxItems</c>,
/// <c>contains</c>, <c>min/maxLength</c>, <c>pattern</c>, <c>format</c> (<c>date-time</c> and <c>date</c> asserted),
/// <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>allOf</c>, <c>anyOf</c>,
/// <c>oneOf</c>, <c>not</c> and local <c>$ref</c> (with cycles) — and refuses, at compile time, any other keyword that
/// could change a verdict, so a schema update that needs more cannot be half-checked silently.
/// </summary>
/// <remarks>
/// A valid document is answered in one pass that allocates nothing for paths or messages; only an invalid one is
/// walked again to say where and why. The test suite holds it to JsonSchema.Net on thousands of documents.
/// </remarks>
internal sealed partial class CompiledSchema
{
    // Keywords that never change whether a document is valid (annotations and identifiers).
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "$anchor",
    };

    private bool? constant;
    private JsonTypes types;
    private JsonNode?[]? enumValues;
    private string?[]? enumStrings; // the string members of enumValues, null elsewhere
    private bool hasStringChecks;
    private bool hasConst;
    private JsonNode? constValue;
    private Dictionary<string, CompiledSchema>? properties;
    private string[]? required;
    private CompiledSchema? additionalProperties;
    private CompiledSchema? propertyNames;
    private int minProperties = -1;
    private int maxProperties = -1;
    private CompiledSchema? items;
    private CompiledSchema[]? tupleItems;
    private CompiledSchema? additionalItems;
    private int minItems = -1;
    private int maxItems = -1;
    private CompiledSchema? contains;
    private int minLength = -1;
    private int maxLength = -1;
    private Regex? pattern;
    private string? patternText;
    private SchemaFormat format;
    private decimal? minimum;
    private decimal? maximum;
    private decimal? exclusiveMinimum;
    private decimal? exclusiveMaximum;
    private CompiledSchema[]? allOf;
    private CompiledSchema[]? anyOf;
    private CompiledSchema[]? oneOf;
    private CompiledSchema? not;
    private CompiledSchema? reference;

    private CompiledSchema()
    {
    }

    /// <summary>Compiles a schema document; <c>$ref</c>s are resolved within it (<c>#</c> and <c>#/json/pointer</c>).</summary>
    /// <param name="schemaJson">The schema as JSON text.</param>
    /// <exception cref="NotSupportedException">The schema uses a keyword or reference this compiler does not evaluate.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static CompiledSchema Compile(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        using var document = JsonDocument.Parse(schemaJson);
        var compiler = new Compiler(document.RootElement.Clone());
        return compiler.At("#");
    }

    /// <summary>The subschema of a top-level property (<c>properties/name</c>), or null when the schema names none.</summary>
    public CompiledSchema? Property(string name) =>
        properties?.GetValueOrDefault(name) ?? reference?.Property(name);

    /// <summary>Compiles schema documents, one subschema object per JSON pointer, so cyclic <c>$ref</c>s meet the same object.</summary>
    private sealed class Compiler(JsonElement root)
    {
        private readonly Dictionary<string, CompiledSchema> byPointer = new(StringComparer.Ordinal);

        public CompiledSchema At(string pointer)
        {
            if (byPointer.TryGetValue(pointer, out var known))
            {
                return known;
            }

            var schema = new CompiledSchema();
            byPointer[pointer] = schema; // registered before its children: a cycle finds it here
            Fill(schema, Resolve(pointer), pointer);
            schema.hasStringChecks = schema.minLength >= 0 || schema.maxLength >= 0 || schema.pattern is not null || schema.format != SchemaFormat.None;
            return schema;
        }

        private JsonElement Resolve(string pointer)
        {
            if (pointer == "#")
            {
                return root;
            }

            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Only local references (#/...) are supported, not '{pointer}'.");
            }

            var current = root;
            foreach (var raw in pointer[2..].Split('/'))
            {
                var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                current = current.ValueKind switch
                {
                    JsonValueKind.Object when current.TryGetProperty(token, out var child) => child,
                    JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength() => current[i],
                    _ => throw new NotSupportedException($"The reference '{pointer}' points at nothing."),
                };
            }

            return current;
        }

        private static string Child(string pointer, string token) =>
            pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        private CompiledSchema[] List(JsonElement array, string pointer, string keyword)
        {
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                throw new NotSupportedException($"{pointer}: '{keyword}' must be a non-empty array of schemas.");
            }

            return [.. Enumerable.Range(0, array.GetArrayLength()).Select(i => At(Child(Child(pointer, keyword), i.ToString(CultureInfo.InvariantCulture))))];
        }

        private void Fill(CompiledSchema schema, JsonElement element, string pointer)
        {
            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                schema.constant = element.ValueKind == JsonValueKind.True;
                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new NotSupportedException($"{pointer}: a schema must be an object or a boolean.");
            }

            foreach (var keyword in element.EnumerateObject())
            {
                var value = keyword.Value;
                var at = Child(pointer, keyword.Name);
                switch (keyword.Name)
                {
                    case "type":
                        schema.types = value.ValueKind == JsonValueKind.Array
                            ? value.EnumerateArray().Aggregate(JsonTypes.None, (all, t) => all | TypeOf(t.GetString(), pointer))
                            : TypeOf(value.GetString(), pointer);
                        break;
                    case "enum":
                        schema.enumValues = [.. value.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText()))];
                        schema.enumStrings = [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null)];
                        break;
                    case "const":
                        schema.hasConst = true;
                        schema.constValue = JsonNode.Parse(value.GetRawText());
                        break;
                    case "properties":
                        schema.properties = value.EnumerateObject().ToDictionary(p => p.Name, p => At(Child(at, p.Name)), StringComparer.Ordinal);
                        break;
                    case "required":
                        schema.required = [.. value.EnumerateArray().Select(v => v.GetString()!)];
                        break;
                    case "additionalProperties":
                        schema.additionalProperties = At(at);
                        break;
                    case "propertyNames":
                        schema.propertyNames = At(at);
                        break;
                    case "minProperties":
                        schema.minProperties = value.GetInt32();
                        break;
                    case "maxProperties":
                        schema.maxProperties = value.GetInt32();
                        break;
                    case "items":
                        if (value.ValueKind == JsonValueKind.Array)
                        {
                            schema.tupleItems = List(value, pointer, "items");
                        }
                        else
                        {
                            schema.items = At(at);
                        }

                        break;
                    case "additionalItems":
                        schema.additionalItems = At(at);
                        break;
                    case "minItems":
                        schema.minItems = value.GetInt32();
                        break;
                    case "maxItems":
                        schema.maxItems = value.GetInt32();
                        break;
                    case "contains":
                        schema.contains = At(at);
                        break;
                    case "minLength":
                        schema.minLength = value.GetInt32();
                        break;
                    case "maxLength":
                        schema.maxLength = value.GetInt32();
                        break;
                    case "pattern":
                        schema.patternText = value.GetString()!;
                        // ECMA-262 semantics (\d is [0-9]); a bound on matching, whatever the instance.
                        schema.pattern = new Regex(EcmaEnd(schema.patternText), RegexOptions.ECMAScript | RegexOptions.Compiled, TimeSpan.FromMilliseconds(200));
                        break;
                    case "format":
                        schema.format = value.GetString() switch
                        {
                            "date-time" => SchemaFormat.DateTime,
                            "date" => SchemaFormat.Date,
                            _ => SchemaFormat.None, // other formats stay annotations, as draft 2019-09 allows
                        };
                        break;
                    case "minimum":
                        schema.minimum = value.GetDecimal();
                        break;
                    case "maximum":
                        schema.maximum = value.GetDecimal();
                        break;
                    case "exclusiveMinimum":
                        schema.exclusiveMinimum = value.GetDecimal();
                        break;
                    case "exclusiveMaximum":
                        schema.exclusiveMaximum = value.GetDecimal();
                        break;
                    case "allOf":
                        schema.allOf = List(value, pointer, "allOf");
                        break;
                    case "anyOf":
                        schema.anyOf = List(value, pointer, "anyOf");
                        break;
                    case "oneOf":
                        schema.oneOf = List(value, pointer, "oneOf");
                        break;
                    case "not":
                        schema.not = At(at);
                        break;
                    case "$ref":
                        schema.reference = At(value.GetString()!);
                        break;
                    default:
                        if (!Annotations.Contains(keyword.Name))
                        {
                            throw new NotSupportedException($"{pointer}: the keyword '{keyword.Name}' is not supported by the schema compiler.");
                        }

                        break;
                }
            }
        }

        // In ECMA-262 "$" matches only at the end of the input; in .NET also before a final "\n", so "6\n" would pass
        // ^[1-8]$. Every "$" outside a character class becomes "(?!\n)$", which is ECMA-262's "$" in .NET.
        private static string EcmaEnd(string pattern)
        {
            var result = new System.Text.StringBuilder(pattern.Length + 8);
            var inClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    result.Append(c).Append(pattern[++i]);
                    continue;
                }

                inClass = c switch { '[' => true, ']' => false, _ => inClass };
                result.Append(c == '$' && !inClass ? @"(?!\n)$" : c);
            }

            return result.ToString();
        }

        private static JsonTypes TypeOf(string? name, string pointer) => name switch
        {
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "string" => JsonTypes.String,
            "number" => JsonTypes.Number,
            "integer" => JsonTypes.Integer,
            "boolean" => JsonTypes.Boolean,
            "null" => JsonTypes.Null,
            _ => throw new NotSupportedException($"{pointer}: unknown type '{name}'."),
        };
    }
}
