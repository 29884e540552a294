namespace MicroCredentials.Verification.Schemas;

/// <summary>The JSON Schema primitive types (<c>type</c> keyword), as flags so a list of types is one value.</summary>
[Flags]
internal enum JsonTypes
{
    /// <summary>No <c>type</c> keyword.</summary>
    None = 0,

    /// <summary><c>object</c>.</summary>
    Object = 1,

    /// <summary><c>array</c>.</summary>
    Array = 2,

    /// <summary><c>string</c>.</summary>
    String = 4,

    /// <summary><c>number</c> (any JSON number).</summary>
    Number = 8,

    /// <summary><c>integer</c> (a number with no fractional part, 1.0 included).</summary>
    Integer = 16,

    /// <summary><c>boolean</c>.</summary>
    Boolean = 32,

    /// <summary><c>null</c>.</summary>
    Null = 64,
}
