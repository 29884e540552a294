using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Reads a PDF's object graph with PdfPig (an independent reader): the catalog, references, streams.</summary>
internal sealed class PdfObjects(PdfDocument document)
{
    public DictionaryToken Catalog => document.Structure.Catalog.CatalogDictionary;

    /// <summary>The object a token refers to (the token itself when it is direct).</summary>
    public IToken Resolve(IToken token) => token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;

    /// <summary>The entry <paramref name="key"/> of <paramref name="dictionary"/>, resolved; null when absent.</summary>
    public IToken? Get(DictionaryToken dictionary, string key) => dictionary.Data.TryGetValue(key, out var token) ? Resolve(token) : null;

    public DictionaryToken? Dictionary(DictionaryToken dictionary, string key) => Get(dictionary, key) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    public string? Name(DictionaryToken dictionary, string key) => (Get(dictionary, key) as NameToken)?.Data;

    public string? Text(DictionaryToken dictionary, string key) => (Get(dictionary, key) as StringToken)?.Data;

    public IReadOnlyList<IToken> Array(DictionaryToken dictionary, string key) =>
        (Get(dictionary, key) as ArrayToken)?.Data.Select(Resolve).ToList() ?? [];

    /// <summary>A stream's bytes with its Flate filter (if any) undone.</summary>
    public static byte[] Decoded(StreamToken stream)
    {
        var data = stream.Data.ToArray();
        if (!stream.StreamDictionary.Data.TryGetValue("Filter", out var filter))
        {
            return data;
        }
        Assert.That((filter as NameToken)?.Data, Is.EqualTo("FlateDecode"), "only Flate is expected in our files");
        using var inflate = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }
}
