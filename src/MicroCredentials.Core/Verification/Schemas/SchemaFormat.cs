namespace MicroCredentials.Verification.Schemas;

/// <summary>The <c>format</c> values the compiled schema asserts; any other format is an annotation only.</summary>
internal enum SchemaFormat
{
    /// <summary>No asserted format.</summary>
    None,

    /// <summary>RFC 3339 <c>date-time</c>: a full date, a time and a time zone offset.</summary>
    DateTime,

    /// <summary>RFC 3339 <c>full-date</c>.</summary>
    Date,
}
