using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroCredentials.Pdf.Signing;

/// <summary>The long-term validation data gathered for one seal, or why there is none.</summary>
public sealed record LongTermResult
{
    /// <summary>Certificates for <c>/DSS /Certs</c>: the seal chain and the TSA's certificates.</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; init; } = [];

    /// <summary>Verified CRLs (DER), one per certificate below the root that had no OCSP answer.</summary>
    public IReadOnlyList<byte[]> Crls { get; init; } = [];

    /// <summary>Verified OCSP answers (DER <c>OCSPResponse</c>).</summary>
    public IReadOnlyList<byte[]> Ocsps { get; init; } = [];

    /// <summary>True when every certificate of the chain below its root has a verified CRL or OCSP answer.</summary>
    public bool Succeeded { get; init; }

    /// <summary>True when the seal's revocation data says its certificate is revoked.</summary>
    public bool SealRevoked { get; init; }

    /// <summary>One sentence for people and logs.</summary>
    public required string Detail { get; init; }
}

/// <summary>
/// PAdES B-LT for the seal (ETSI EN 319 142-1 §5.4, §6.3): gathers the seal chain's revocation data
/// (<see cref="CollectAsync"/>) and appends it as a DSS in an incremental update after the signed revision
/// (<see cref="AppendDss"/>), so the seal's bytes stay exactly as signed.
/// </summary>
internal static partial class LongTermValidation
{
    /// <summary>True when any certificate of the chain names a CRL distribution point or an OCSP responder.</summary>
    public static bool Applies(X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain) =>
        chain.Prepend(seal).Any(c => RevocationDer.CrlUrls(c).Count > 0 || RevocationDer.OcspUrls(c).Count > 0);

    /// <summary>
    /// For the seal and each chain certificate below the root: its issuer in the chain, then an OCSP answer from its
    /// Authority Information Access URLs, else a CRL from its distribution points; each answer verified against that
    /// issuer. At most <see cref="PdfLimits.MaxRevocationFetches"/> fetches and <see cref="PdfLimits.MaxSealChainCertificates"/>
    /// certificates. Never throws on a server's answer.
    /// </summary>
    public static async Task<LongTermResult> CollectAsync(X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain,
        IEnumerable<X509Certificate2> timeStampCertificates, RevocationClient client, CancellationToken cancellationToken)
    {
        var certificates = chain.Prepend(seal).DistinctBy(c => c.Thumbprint).ToList();
        if (certificates.Count > PdfLimits.MaxSealChainCertificates)
        {
            return Failed($"the seal chain holds more than {PdfLimits.MaxSealChainCertificates} certificates");
        }
        var crls = new List<byte[]>();
        var ocsps = new List<byte[]>();
        var fetches = 0;
        var sealRevoked = false;
        foreach (var certificate in certificates.Where(c => !RevocationDer.IsSelfIssued(c)))
        {
            var issuer = certificates.FirstOrDefault(i => i != certificate && RevocationDer.IssuedBy(certificate, i));
            var who = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (issuer is null)
            {
                return Failed($"the issuer of \"{who}\" is not in the seal chain");
            }
            string? lastFailure = null;
            RevocationAnswer? answer = null;
            foreach (var url in RevocationDer.OcspUrls(certificate))
            {
                if (++fetches > PdfLimits.MaxRevocationFetches)
                {
                    return Failed($"more than {PdfLimits.MaxRevocationFetches} CRL and OCSP fetches would be needed");
                }
                var (der, failure) = await client.PostOcspAsync(url, RevocationDer.OcspRequest(certificate, issuer), cancellationToken);
                answer = der is null ? null : RevocationDer.OcspStatus(der, certificate, issuer);
                if (answer is not null)
                {
                    ocsps.Add(der!);
                    break;
                }
                lastFailure = failure ?? $"the OCSP answer from {new Uri(url).Host} does not verify for \"{who}\"";
            }
            if (answer is null)
            {
                foreach (var url in RevocationDer.CrlUrls(certificate))
                {
                    if (++fetches > PdfLimits.MaxRevocationFetches)
                    {
                        return Failed($"more than {PdfLimits.MaxRevocationFetches} CRL and OCSP fetches would be needed");
                    }
                    var (der, failure) = await client.GetCrlAsync(url, cancellationToken);
                    answer = der is null ? null : RevocationDer.CrlStatus(der, certificate, issuer);
                    if (answer is not null)
                    {
                        crls.Add(der!);
                        break;
                    }
                    lastFailure = failure ?? $"the CRL from {new Uri(url).Host} does not verify for \"{who}\"";
                }
            }
            if (answer is null)
            {
                return Failed(lastFailure ?? $"\"{who}\" names no CRL or OCSP address");
            }
            sealRevoked |= certificate == seal && answer.Status == RevocationStatus.Revoked;
        }
        return new LongTermResult
        {
            Certificates = [.. certificates, .. timeStampCertificates.Where(t => certificates.All(c => c.Thumbprint != t.Thumbprint))],
            Crls = crls,
            Ocsps = ocsps,
            Succeeded = true,
            SealRevoked = sealRevoked,
            Detail = sealRevoked
                ? "Long-term validation data added (PAdES B-LT); it says the seal certificate is revoked."
                : $"Long-term validation data added (PAdES B-LT): {certificates.Count} chain certificates, {ocsps.Count} OCSP answers, {crls.Count} CRLs.",
        };
    }

    private static LongTermResult Failed(string why) =>
        new() { Detail = $"No long-term validation data (the seal stays PAdES B-T): {why}." };

    /// <summary>
    /// Appends to <paramref name="pdf"/> (our sealed file, classic cross-reference table) an incremental update
    /// (ISO 32000-2 §7.5.6) holding one DER stream per certificate, CRL and OCSP answer, a new <c>/DSS</c> with
    /// <c>/Certs</c>, <c>/CRLs</c>, <c>/OCSPs</c> and a <c>/VRI</c> entry keyed by the upper-case hex SHA-1 of the
    /// signature's <c>/Contents</c> value, the catalogue with its <c>/DSS</c> pointing there, a cross-reference section
    /// and a trailer whose <c>/Prev</c> is the signed revision's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is not laid out as PDFsharp writes our seal.</exception>
    public static byte[] AppendDss(byte[] pdf, LongTermResult data)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startXref = StartXref().Matches(text);
        if (trailerAt < 0 || startXref.Count == 0)
        {
            throw new InvalidOperationException("The sealed PDF has no classic trailer; the layout changed.");
        }
        var trailer = text[trailerAt..startXref[^1].Index];
        var size = int.Parse(Size().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = Root().Match(trailer);
        var id = Id().Match(trailer);
        var info = Info().Match(trailer);
        if (!root.Success || !id.Success)
        {
            throw new InvalidOperationException("The sealed PDF's trailer has no /Root or /ID; the layout changed.");
        }
        var rootNumber = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var rootGeneration = int.Parse(root.Groups[2].Value, CultureInfo.InvariantCulture);
        var catalog = CatalogBody(text, rootNumber, rootGeneration);

        using var update = new MemoryStream();
        var offsets = new SortedDictionary<int, long>();
        var next = size;
        void Write(string s) => update.Write(Encoding.Latin1.GetBytes(s));
        int Stream(byte[] der)
        {
            var number = next++;
            offsets[number] = pdf.Length + update.Length;
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n<</Length {der.Length}>>\nstream\n"));
            update.Write(der);
            Write("\nendstream\nendobj\n");
            return number;
        }
        void Object(int number, string body)
        {
            offsets[number] = pdf.Length + update.Length;
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n"));
        }
        static string Refs(IEnumerable<int> numbers) => "[" + string.Join(' ', numbers.Select(n => $"{n} 0 R")) + "]";

        Write("\n");
        var certs = data.Certificates.Select(c => Stream(c.RawData)).ToList();
        var crls = data.Crls.Select(Stream).ToList();
        var ocsps = data.Ocsps.Select(Stream).ToList();
        var vri = next++;
        var vriBody = new StringBuilder("<<");
        vriBody.Append("/Cert").Append(Refs(certs));
        if (crls.Count > 0)
        {
            vriBody.Append("/CRL").Append(Refs(crls));
        }
        if (ocsps.Count > 0)
        {
            vriBody.Append("/OCSP").Append(Refs(ocsps));
        }
        Object(vri, vriBody.Append(">>").ToString());
        var dss = next++;
        var dssBody = new StringBuilder("<</Type/DSS/Certs").Append(Refs(certs));
        if (crls.Count > 0)
        {
            dssBody.Append("/CRLs").Append(Refs(crls));
        }
        if (ocsps.Count > 0)
        {
            dssBody.Append("/OCSPs").Append(Refs(ocsps));
        }
        dssBody.Append(CultureInfo.InvariantCulture, $"/VRI<</{VriKey(pdf)} {vri} 0 R>>>>");
        Object(dss, dssBody.ToString());
        var dssEntry = DssEntry();
        var newCatalog = dssEntry.IsMatch(catalog)
            ? dssEntry.Replace(catalog, $"/DSS {dss} 0 R", 1)
            : catalog[..catalog.LastIndexOf(">>", StringComparison.Ordinal)] + $"/DSS {dss} 0 R>>";
        offsets[rootNumber] = pdf.Length + update.Length;
        Write(string.Create(CultureInfo.InvariantCulture, $"{rootNumber} {rootGeneration} obj\n{newCatalog}\nendobj\n"));

        var xref = pdf.Length + update.Length;
        var table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        foreach (var run in Runs(offsets.Keys))
        {
            table.Append(CultureInfo.InvariantCulture, $"{run.First} {run.Count}\n");
            for (var n = run.First; n < run.First + run.Count; n++)
            {
                var generation = n == rootNumber ? rootGeneration : 0;
                table.Append(CultureInfo.InvariantCulture, $"{offsets[n]:D10} {generation:D5} n \n");
            }
        }
        var infoEntry = info.Success ? info.Value : "";
        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {next}/Root {rootNumber} {rootGeneration} R{infoEntry}/ID{id.Groups[1].Value}/Prev {startXref[^1].Groups[1].Value}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
        return [.. pdf, .. update.ToArray()];
    }

    /// <summary>The VRI key of the (one) signature in <paramref name="pdf"/>: upper-case hex SHA-1 of its <c>/Contents</c> value.</summary>
    internal static string VriKey(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var byteRange = ByteRange().Matches(text);
        if (byteRange.Count == 0)
        {
            throw new InvalidOperationException("The sealed PDF has no /ByteRange.");
        }
        var gapStart = int.Parse(byteRange[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var gapEnd = int.Parse(byteRange[^1].Groups[2].Value, CultureInfo.InvariantCulture);
        return VriKey(text.AsSpan(gapStart + 1, gapEnd - gapStart - 2));
    }

    /// <summary>Upper-case hex SHA-1 of the bytes the hex digits <paramref name="contentsHex"/> stand for.</summary>
    internal static string VriKey(ReadOnlySpan<char> contentsHex) => Convert.ToHexString(SHA1.HashData(Convert.FromHexString(contentsHex)));

    private static string CatalogBody(string text, int number, int generation)
    {
        var header = $"\n{number} {generation} obj";
        var at = text.LastIndexOf(header, StringComparison.Ordinal);
        var end = at < 0 ? -1 : text.IndexOf("endobj", at, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("The sealed PDF's catalogue is not a plain object; the layout changed.");
        }
        var body = text[(at + header.Length)..end].Trim();
        if (!body.StartsWith("<<", StringComparison.Ordinal) || !body.EndsWith(">>", StringComparison.Ordinal) || body.Contains("stream", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The sealed PDF's catalogue is not a dictionary; the layout changed.");
        }
        return body;
    }

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> numbers)
    {
        int? first = null;
        var count = 0;
        foreach (var n in numbers)
        {
            if (first is { } f && n == f + count)
            {
                count++;
                continue;
            }
            if (first is { } done)
            {
                yield return (done, count);
            }
            first = n;
            count = 1;
        }
        if (first is { } last)
        {
            yield return (last, count);
        }
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();

    [GeneratedRegex(@"/Root\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex Root();

    [GeneratedRegex(@"/Info\s+\d+\s+\d+\s+R")]
    private static partial Regex Info();

    [GeneratedRegex(@"/ID\s*(\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])")]
    private static partial Regex Id();

    [GeneratedRegex(@"/DSS\s+\d+\s+\d+\s+R")]
    private static partial Regex DssEntry();

    [GeneratedRegex(@"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+\d+\s*\]")]
    private static partial Regex ByteRange();
}
