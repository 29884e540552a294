using System.Formats.Asn1;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    private static readonly string[] DssKeys = ["Type", "Certs", "CRLs", "OCSPs", "VRI"];
    private static readonly string[] VriEntryKeys = ["Type", "Cert", "CRL", "OCSP", "TU", "TS"];

    /// <summary>
    /// Null when the bytes after the signed revision (<paramref name="signedEnd"/>) are exactly one incremental update
    /// that only adds long-term validation data (ETSI EN 319 142-1 §5.4): new objects laid out one after the other, a
    /// classic cross-reference section listing exactly them, a trailer whose <c>/Prev</c> and <c>/Root</c> are the signed
    /// revision's; the only changed object is the catalogue, and only its <c>/DSS</c>; every new object is the DSS, its
    /// VRI dictionaries or a DER stream (a certificate, CRL or OCSP answer). Otherwise one sentence why not.
    /// </summary>
    private static string? CheckDssUpdate(PigDocument document, byte[] bytes, int signedEnd)
    {
        const string changed = "The PDF was changed after it was signed";
        if (bytes.Length - signedEnd > PdfLimits.MaxDssUpdateBytes)
        {
            return $"{changed} (more than {PdfLimits.MaxDssUpdateBytes / 1024 / 1024} MiB after the signed part).";
        }
        var layout = ReadUpdateLayout(bytes, signedEnd);
        if (layout.Problem is not null)
        {
            return $"{changed} ({layout.Problem}).";
        }
        var signedText = Encoding.Latin1.GetString(bytes, 0, signedEnd);
        var previousXref = StartXrefPattern().Matches(signedText) is { Count: > 0 } found ? found[^1].Groups[1].Value : null;
        var previousRoot = RootPattern().Matches(signedText) is { Count: > 0 } roots ? roots[^1].Groups[1].Value : null;
        var previousSize = SizePattern().Matches(signedText) is { Count: > 0 } sizes ? long.Parse(sizes[^1].Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var trailer = layout.Trailer!;
        if (previousXref is null || PrevPattern().Match(trailer) is not { Success: true } prev || prev.Groups[1].Value != previousXref)
        {
            return $"{changed} (an update that does not follow the signed revision).";
        }
        if (RootPattern().Match(trailer) is not { Success: true } root || root.Groups[1].Value != previousRoot)
        {
            return $"{changed} (a new document catalogue).";
        }
        if (trailer.Contains("/Encrypt", StringComparison.Ordinal) || trailer.Contains("/XRefStm", StringComparison.Ordinal))
        {
            return $"{changed} (an update that is not only validation data).";
        }
        var rootParts = root.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rootNumber = long.Parse(rootParts[0], CultureInfo.InvariantCulture);
        var existing = layout.Objects.Where(o => o.Number < previousSize).ToList();
        if (existing.Count != 1 || existing[0].Number != rootNumber)
        {
            return $"{changed} (objects other than the catalogue's validation data were replaced).";
        }
        var added = layout.Objects.Where(o => o.Number >= previousSize).Select(o => o.Number).ToHashSet();
        try
        {
            using var signedRevision = PigDocument.Open(bytes[..signedEnd], ReadingOptions);
            var before = signedRevision.Structure.Catalog.CatalogDictionary;
            var after = document.Structure.Catalog.CatalogDictionary;
            if (!SameExceptDss(before, after))
            {
                return $"{changed} (the document catalogue changed beyond its validation data).";
            }
            if (!after.TryGet(NameToken.Create("DSS"), out var dssToken) || dssToken is not IndirectReferenceToken dssReference
                || !added.Contains(dssReference.Data.ObjectNumber))
            {
                return $"{changed} (the catalogue's update carries no new DSS).";
            }
            var visited = new HashSet<long>();
            var problem = CheckDss(document, dssReference, added, visited);
            if (problem is not null)
            {
                return $"{changed} ({problem}).";
            }
            return visited.SetEquals(added) ? null : $"{changed} (the update adds objects that are not validation data).";
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return $"{changed} (an update that cannot be read as validation data).";
        }
    }

    private sealed record UpdateObject(long Number, int Generation, int Offset);

    private sealed record UpdateLayout(IReadOnlyList<UpdateObject> Objects, string? Trailer, string? Problem);

    // Walks the appended bytes: objects, one classic xref section, trailer, startxref, %%EOF; nothing else.
    private static UpdateLayout ReadUpdateLayout(byte[] bytes, int signedEnd)
    {
        static UpdateLayout Bad(string why) => new([], null, why);
        var text = Encoding.Latin1.GetString(bytes);
        var objects = new List<UpdateObject>();
        var at = SkipWhite(text, signedEnd);
        while (!text.AsSpan(at).StartsWith("xref"))
        {
            if (objects.Count >= PdfLimits.MaxDssUpdateObjects)
            {
                return Bad($"more than {PdfLimits.MaxDssUpdateObjects} objects added");
            }
            var header = ObjectHeaderPattern().Match(text, at);
            if (!header.Success || header.Index != at)
            {
                return Bad("bytes after the signed part that are not an incremental update");
            }
            objects.Add(new UpdateObject(long.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture), at));
            var bodyStart = header.Index + header.Length;
            var endObject = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
            var stream = text.IndexOf("stream", bodyStart, StringComparison.Ordinal);
            if (endObject < 0)
            {
                return Bad("an object without its end");
            }
            if (stream >= 0 && stream < endObject)
            {
                // A stream: skip exactly /Length bytes (a direct number), then endstream endobj.
                var length = LengthPattern().Match(text[bodyStart..stream]);
                var dataStart = stream + "stream".Length;
                dataStart += text.AsSpan(dataStart).StartsWith("\r\n") ? 2 : text.AsSpan(dataStart).StartsWith("\n") ? 1 : 0;
                if (!length.Success || !long.TryParse(length.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                    || size > bytes.Length - dataStart)
                {
                    return Bad("a stream without a direct /Length");
                }
                var after = SkipWhite(text, dataStart + (int)size);
                if (!text.AsSpan(after).StartsWith("endstream"))
                {
                    return Bad("a stream whose /Length is wrong");
                }
                after = SkipWhite(text, after + "endstream".Length);
                if (!text.AsSpan(after).StartsWith("endobj"))
                {
                    return Bad("a stream object without its end");
                }
                endObject = after;
            }
            at = SkipWhite(text, endObject + "endobj".Length);
        }
        var xrefAt = at;
        at = SkipWhite(text, at + "xref".Length);
        var entries = new Dictionary<long, (int Offset, int Generation, bool InUse)>();
        while (!text.AsSpan(at).StartsWith("trailer"))
        {
            var subsection = SubsectionPattern().Match(text, at);
            if (!subsection.Success || subsection.Index != at)
            {
                return Bad("a damaged cross-reference section");
            }
            var first = long.Parse(subsection.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(subsection.Groups[2].Value, CultureInfo.InvariantCulture);
            if (count > PdfLimits.MaxDssUpdateObjects + 1 || entries.Count + count > PdfLimits.MaxDssUpdateObjects + 1)
            {
                return Bad($"more than {PdfLimits.MaxDssUpdateObjects} objects added");
            }
            at = subsection.Index + subsection.Length;
            for (var i = 0; i < count; i++)
            {
                var entry = EntryPattern().Match(text, at);
                if (!entry.Success || entry.Index != at || !entries.TryAdd(first + i, (int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture),
                    int.Parse(entry.Groups[2].Value, CultureInfo.InvariantCulture), entry.Groups[3].Value == "n")))
                {
                    return Bad("a damaged cross-reference section");
                }
                at += entry.Length;
            }
            at = SkipWhite(text, at);
        }
        var trailerEnd = text.IndexOf("startxref", at, StringComparison.Ordinal);
        if (trailerEnd < 0)
        {
            return Bad("an update without its trailer");
        }
        var trailer = text[(at + "trailer".Length)..trailerEnd];
        var tail = TailPattern().Match(text, trailerEnd);
        if (!tail.Success || tail.Index != trailerEnd || tail.Index + tail.Length != text.Length
            || tail.Groups[1].Value != xrefAt.ToString(CultureInfo.InvariantCulture))
        {
            return Bad("more than one update, or bytes after the update's end");
        }
        foreach (var (number, entry) in entries)
        {
            if (!entry.InUse)
            {
                if (number != 0 || entry.Generation != 65535)
                {
                    return Bad("objects deleted");
                }
                continue;
            }
            if (objects.SingleOrDefault(o => o.Number == number) is not { } written || written.Offset != entry.Offset
                || written.Generation != entry.Generation)
            {
                return Bad("a cross-reference section that does not list the update's objects");
            }
        }
        if (objects.Count != entries.Count(e => e.Value.InUse) || objects.DistinctBy(o => o.Number).Count() != objects.Count)
        {
            return Bad("objects that the cross-reference section does not list");
        }
        return new UpdateLayout(objects, trailer, null);
    }

    private static int SkipWhite(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\r' or '\n' or '\t' or '\f' or '\0')
        {
            at++;
        }
        return at;
    }

    private static string? CheckDss(PigDocument document, IndirectReferenceToken reference, HashSet<long> added, HashSet<long> visited)
    {
        visited.Add(reference.Data.ObjectNumber);
        if (Resolve(document, reference) is not DictionaryToken dss || dss.Data.Keys.Any(k => !DssKeys.Contains(k))
            || (dss.Data.TryGetValue("Type", out var type) && !(type is NameToken { Data: "DSS" })))
        {
            return "a DSS that is not a DSS dictionary";
        }
        foreach (var key in new[] { "Certs", "CRLs", "OCSPs" })
        {
            if (dss.Data.TryGetValue(key, out var array) && CheckDerArray(document, array, added, visited, key == "Certs") is { } problem)
            {
                return problem;
            }
        }
        if (!dss.Data.TryGetValue("VRI", out var vriToken))
        {
            return null;
        }
        var vri = NewDictionary(document, vriToken, added, visited);
        if (vri is null)
        {
            return "a DSS whose /VRI is not a new dictionary";
        }
        if (vri.Data.Count > PdfLimits.MaxDssEntries)
        {
            return $"a /VRI with more than {PdfLimits.MaxDssEntries} entries";
        }
        foreach (var (key, value) in vri.Data)
        {
            if (key == "Type")
            {
                continue;
            }
            if (key.Length != 40 || !key.All(char.IsAsciiHexDigitUpper))
            {
                return "a /VRI key that is not an upper-case SHA-1";
            }
            var entry = NewDictionary(document, value, added, visited);
            if (entry is null || entry.Data.Keys.Any(k => !VriEntryKeys.Contains(k)))
            {
                return "a /VRI entry that is not validation data";
            }
            foreach (var (arrayKey, isCertificate) in new[] { ("Cert", true), ("CRL", false), ("OCSP", false) })
            {
                if (entry.Data.TryGetValue(arrayKey, out var array) && CheckDerArray(document, array, added, visited, isCertificate) is { } problem)
                {
                    return problem;
                }
            }
            if (entry.Data.TryGetValue("TS", out var ts) && (ts is not IndirectReferenceToken tsReference || CheckDerStream(document, tsReference, added, visited, false) is not null))
            {
                return "a /VRI time-stamp that is not a DER stream";
            }
            if (entry.Data.TryGetValue("TU", out var tu) && tu is not (StringToken or HexToken))
            {
                return "a /VRI time that is not a date";
            }
        }
        return null;
    }

    private static DictionaryToken? NewDictionary(PigDocument document, IToken token, HashSet<long> added, HashSet<long> visited)
    {
        if (token is DictionaryToken direct)
        {
            return direct;
        }
        if (token is not IndirectReferenceToken reference || !added.Contains(reference.Data.ObjectNumber) || !visited.Add(reference.Data.ObjectNumber))
        {
            return null;
        }
        return Resolve(document, reference) as DictionaryToken;
    }

    private static string? CheckDerArray(PigDocument document, IToken token, HashSet<long> added, HashSet<long> visited, bool certificates)
    {
        if (token is not ArrayToken array || array.Data.Any(t => t is not IndirectReferenceToken))
        {
            return "a DSS list that is not a list of streams";
        }
        if (array.Length > PdfLimits.MaxDssEntries)
        {
            return $"a DSS list with more than {PdfLimits.MaxDssEntries} entries";
        }
        return array.Data.Cast<IndirectReferenceToken>().Select(r => CheckDerStream(document, r, added, visited, certificates)).FirstOrDefault(p => p is not null);
    }

    // A stream added by the update (or one already in the signed revision) holding exactly one DER value.
    private static string? CheckDerStream(PigDocument document, IndirectReferenceToken reference, HashSet<long> added, HashSet<long> visited,
        bool certificate)
    {
        var number = reference.Data.ObjectNumber;
        if (added.Contains(number))
        {
            visited.Add(number);
        }
        if (Resolve(document, reference) is not StreamToken stream)
        {
            return "a DSS entry that is not a stream";
        }
        var der = DerStreamData(stream);
        if (der is null)
        {
            return "a DSS stream that is not one DER value";
        }
        if (certificate)
        {
            try
            {
                using var _ = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return "a DSS certificate that is not a certificate";
            }
        }
        return null;
    }

    /// <summary>The DER value in a DSS stream (no filter, or Flate within bounds); null when it is not exactly one DER SEQUENCE.</summary>
    private static byte[]? DerStreamData(StreamToken stream)
    {
        var dictionary = stream.StreamDictionary.Data;
        if (dictionary.Keys.Any(k => k is not ("Length" or "Filter"))
            || (dictionary.TryGetValue("Filter", out var filter) && filter is not NameToken { Data: "FlateDecode" }))
        {
            return null;
        }
        var raw = stream.Data.ToArray();
        byte[] data;
        if (filter is null)
        {
            data = raw;
        }
        else
        {
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    output.Write(buffer, 0, read);
                    if (output.Length > PdfLimits.MaxRevocationResponseBytes)
                    {
                        return null;
                    }
                }
                data = output.ToArray();
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        if (data.Length > PdfLimits.MaxRevocationResponseBytes)
        {
            return null;
        }
        try
        {
            var tag = Asn1Tag.Decode(data, out _);
            AsnDecoder.ReadEncodedValue(data, AsnEncodingRules.BER, out _, out _, out var consumed);
            return consumed == data.Length && tag.HasSameClassAndValue(Asn1Tag.Sequence) ? data : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static bool SameExceptDss(DictionaryToken before, DictionaryToken after)
    {
        var keys = before.Data.Keys.Where(k => k != "DSS").ToHashSet();
        return keys.SetEquals(after.Data.Keys.Where(k => k != "DSS")) && keys.All(k => SameToken(before.Data[k], after.Data[k], 0));
    }

    private static bool SameToken(IToken a, IToken b, int depth)
    {
        if (depth > PdfLimits.MaxNestingDepth)
        {
            return false;
        }
        return (a, b) switch
        {
            (IndirectReferenceToken x, IndirectReferenceToken y) => x.Data.Equals(y.Data),
            (NameToken x, NameToken y) => x.Data == y.Data,
            (NumericToken x, NumericToken y) => x.Data == y.Data,
            (StringToken x, StringToken y) => x.Data == y.Data,
            (HexToken x, HexToken y) => x.Bytes.SequenceEqual(y.Bytes),
            (BooleanToken x, BooleanToken y) => x.Data == y.Data,
            (NullToken, NullToken) => true,
            (ArrayToken x, ArrayToken y) => x.Length == y.Length && x.Data.Zip(y.Data).All(p => SameToken(p.First, p.Second, depth + 1)),
            (DictionaryToken x, DictionaryToken y) => x.Data.Count == y.Data.Count
                && x.Data.All(p => y.Data.TryGetValue(p.Key, out var other) && SameToken(p.Value, other, depth + 1)),
            _ => false,
        };
    }

    [GeneratedRegex(@"\G(\d{1,10})\s+(\d{1,5})\s+obj\b")]
    private static partial Regex ObjectHeaderPattern();

    [GeneratedRegex(@"/Length\s+(\d{1,10})(?!\s+\d+\s+R)")]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"\G(\d{1,10}) (\d{1,5})[ \t]*\r?\n")]
    private static partial Regex SubsectionPattern();

    [GeneratedRegex(@"\G(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"\Gstartxref\s+(\d{1,10})\s+%%EOF\s*$")]
    private static partial Regex TailPattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+)\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Prev\s+(\d+)")]
    private static partial Regex PrevPattern();
}
