namespace MicroCredentials.JsonLd;

/// <summary>How <c>@direction</c> is represented in RDF (JSON-LD 1.1 API §9.2 <c>rdfDirection</c>).</summary>
public enum JsonLdRdfDirection
{
    /// <summary><c>i18n-datatype</c>: the literal gets the datatype <c>https://www.w3.org/ns/i18n#{language}_{direction}</c>.</summary>
    I18nDatatype,

    /// <summary><c>compound-literal</c>: a blank node with <c>rdf:value</c>, <c>rdf:language</c> and <c>rdf:direction</c>.</summary>
    CompoundLiteral,
}
