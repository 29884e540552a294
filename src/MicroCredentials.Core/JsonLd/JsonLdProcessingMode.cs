namespace MicroCredentials.JsonLd;

/// <summary>The JSON-LD processing mode (JSON-LD 1.1 API §9.2 <c>processingMode</c>).</summary>
public enum JsonLdProcessingMode
{
    /// <summary><c>json-ld-1.1</c>: all JSON-LD 1.1 features (the default).</summary>
    JsonLd11,

    /// <summary><c>json-ld-1.0</c>: 1.1-only features raise errors.</summary>
    JsonLd10,
}
