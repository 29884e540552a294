using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    /// <summary>
    /// Reads <c>credential.json</c> and <c>credential.jwt</c> from the catalog's <c>/Names /EmbeddedFiles</c> tree
    /// without letting the PDF library decode them: at most <see cref="PdfLimits.MaxAttachmentEntries"/> entries are
    /// walked, and each file is inflated by us through a cap of <see cref="PdfLimits.MaxAttachmentBytes"/>.
    /// </summary>
    private static (string? Json, string? Jwt, string? Problem) ReadEmbeddedCredential(PigDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var names = new List<(string Name, StreamToken Stream)>();
            if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Names"), out var namesToken)
                && Resolve(document, namesToken) is DictionaryToken nameDictionary
                && nameDictionary.TryGet(NameToken.Create("EmbeddedFiles"), out var treeToken))
            {
                CollectFiles(document, Resolve(document, treeToken), names, 0, cancellationToken);
            }
            string? json = null, jwt = null;
            foreach (var (name, stream) in names)
            {
                if (name is not (CertificateFiles.CredentialJsonName or CertificateFiles.CredentialJwtName)
                    || (name == CertificateFiles.CredentialJsonName ? json : jwt) is not null)
                {
                    continue;
                }
                var bytes = Decode(stream);
                if (bytes is null)
                {
                    return (null, null, $"The embedded {name} is larger than {PdfLimits.MaxAttachmentBytes / 1024} KiB or not readable; a credential is about 10 KB.");
                }
                var text = Encoding.UTF8.GetString(bytes);
                if (name == CertificateFiles.CredentialJsonName)
                {
                    json = text;
                }
                else
                {
                    jwt = text;
                }
            }
            return (json, jwt, null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A broken attachment structure is reported as "no credential", the signature verdict still stands.
            return (null, null, null);
        }
    }

    /// <summary>Walks a name tree node (<c>/Names</c> pairs and <c>/Kids</c>), bounded in depth and entries.</summary>
    private static void CollectFiles(PigDocument document, IToken node, List<(string, StreamToken)> files, int depth,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (node is not DictionaryToken dictionary || depth > 8)
        {
            return;
        }
        if (dictionary.TryGet(NameToken.Create("Names"), out var pairsToken) && Resolve(document, pairsToken) is ArrayToken pairs)
        {
            for (var i = 0; i + 1 < pairs.Length && files.Count < PdfLimits.MaxAttachmentEntries; i += 2)
            {
                if (Resolve(document, pairs[i]) is StringToken key && Resolve(document, pairs[i + 1]) is DictionaryToken spec
                    && spec.TryGet(NameToken.Create("EF"), out var efToken) && Resolve(document, efToken) is DictionaryToken ef
                    && (ef.TryGet(NameToken.Create("UF"), out var fileToken) || ef.TryGet(NameToken.Create("F"), out fileToken))
                    && Resolve(document, fileToken) is StreamToken stream)
                {
                    files.Add((key.Data, stream));
                }
            }
        }
        if (dictionary.TryGet(NameToken.Create("Kids"), out var kidsToken) && Resolve(document, kidsToken) is ArrayToken kids)
        {
            foreach (var kid in kids.Data.Take(PdfLimits.MaxAttachmentEntries))
            {
                CollectFiles(document, Resolve(document, kid), files, depth + 1, cancellationToken);
            }
        }
    }

    /// <summary>The file's bytes: unfiltered or <c>/FlateDecode</c> only, inflated through the attachment cap; null otherwise.</summary>
    private static byte[]? Decode(StreamToken stream)
    {
        var raw = stream.Data.Span;
        var filter = stream.StreamDictionary.TryGet(NameToken.Create("Filter"), out var filterToken) ? filterToken : null;
        var filters = filter switch
        {
            null => [],
            NameToken name => [name.Data],
            ArrayToken array when array.Data.All(t => t is NameToken) => array.Data.Cast<NameToken>().Select(n => n.Data).ToArray(),
            _ => new[] { "?" },
        };
        if (filters.Length == 0)
        {
            return raw.Length <= PdfLimits.MaxAttachmentBytes ? raw.ToArray() : null;
        }
        if (filters is not ["FlateDecode"] || stream.StreamDictionary.TryGet(NameToken.Create("DecodeParms"), out _) || raw.Length < 2)
        {
            return null;
        }
        var buffer = new byte[Math.Min(PdfLimits.MaxAttachmentBytes + 1, Math.Max(4096, raw.Length * 8))];
        var count = 0;
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(raw[2..].ToArray()), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += read;
                if (count > PdfLimits.MaxAttachmentBytes)
                {
                    return null;
                }
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Min(PdfLimits.MaxAttachmentBytes + 1, buffer.Length * 2));
                }
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }
        return buffer[..count];
    }
}
