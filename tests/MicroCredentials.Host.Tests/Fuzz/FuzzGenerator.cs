using System.Text;

namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>
/// A seeded, bounded generator of hostile requests over every public endpoint, built from genuine artefacts. Case
/// <c>i</c> of seed <c>s</c> depends only on (s, i), so one case can be replayed alone (<c>MICROCRED_FUZZ_ONLY=i</c>).
/// </summary>
internal sealed partial class FuzzGenerator(FuzzArtefacts genuine, int seed, IReadOnlySet<string> enabledGuarded, IReadOnlySet<string>? onlyClasses = null)
{
    /// <summary>
    /// Case classes guarded off by default because, before the fix in their area is merged, they would kill the test
    /// process (a stack overflow cannot be caught); enable one with <c>MICROCRED_FUZZ_ENABLE=class</c>. None at present:
    /// <c>jsonld-prefix-chain</c> runs by default since the JSON-LD bounds were merged.
    /// </summary>
    public static readonly IReadOnlySet<string> Guarded = new HashSet<string>();

    // (class, weight in ‰): the share of each case class in a run.
    private static readonly (string Class, int Weight)[] Classes =
    [
        ("genuine", 5), ("json-rewrite", 30), ("json-type-confusion", 140), ("json-delete", 40), ("json-duplicate-member", 40),
        ("json-deep-nesting", 20), ("json-huge-number", 30), ("json-huge-string", 15), ("json-invalid-utf8", 30),
        ("json-lone-surrogate", 30), ("jsonld-keyword", 80), ("jsonld-context", 60), ("jsonld-prefix-chain", 3), ("json-proof", 40),
        ("json-status", 20), ("jwt-header", 60), ("jwt-payload", 50), ("jwt-segments", 30), ("jwt-bitflip", 30),
        ("pdf-truncate", 15), ("pdf-bitflip", 25), ("pdf-append", 5), ("pdf-bomb", 1), ("png-truncate", 12), ("png-bitflip", 15),
        ("png-chunk", 25), ("png-bomb", 2), ("svg-truncate", 12), ("svg-bitflip", 12), ("svg-xml", 20), ("multipart", 30),
        ("get-verify-page", 20), ("get-downloads", 15), ("get-status", 12), ("get-well-known", 12), ("head", 10), ("content-type", 12),
    ];

    private static readonly int TotalWeight = Classes.Sum(c => c.Weight);

    /// <summary>Every class a run can produce.</summary>
    public static IEnumerable<string> AllClasses => Classes.Select(c => c.Class);

    /// <summary>Case <paramref name="index"/> of this seed.</summary>
    public FuzzCase Create(int index)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        var cls = PickClass(rng);
        return cls switch
        {
            "genuine" => Genuine(rng, index),
            _ when cls.StartsWith("json", StringComparison.Ordinal) => Upload(rng, index, cls, JsonCase(rng, cls), "application/json", FuzzOrigin.Json),
            _ when cls.StartsWith("jwt", StringComparison.Ordinal) => Upload(rng, index, cls, JwtCase(rng, cls), "text/plain", FuzzOrigin.Jwt),
            _ when cls.StartsWith("pdf", StringComparison.Ordinal) => Upload(rng, index, cls, PdfCase(rng, cls), "application/pdf", FuzzOrigin.Pdf),
            _ when cls.StartsWith("png", StringComparison.Ordinal) => Upload(rng, index, cls, PngCase(rng, cls), "image/png", FuzzOrigin.Png),
            _ when cls.StartsWith("svg", StringComparison.Ordinal) => Upload(rng, index, cls, SvgCase(rng, cls), "image/svg+xml", FuzzOrigin.Svg),
            "multipart" => Multipart(rng, index),
            "content-type" => ContentType(rng, index),
            _ => GetCase(rng, index, cls),
        };
    }

    private string PickClass(Random rng)
    {
        while (true)
        {
            var roll = rng.Next(TotalWeight);
            foreach (var (cls, weight) in Classes)
            {
                if ((roll -= weight) < 0)
                {
                    if ((!Guarded.Contains(cls) || enabledGuarded.Contains(cls)) && (onlyClasses is null || onlyClasses.Any(c => cls.StartsWith(c, StringComparison.Ordinal))))
                    {
                        return cls;
                    }

                    break;
                }
            }
        }
    }

    private (byte[] Bytes, string Type, FuzzOrigin Origin) AnyGenuine(Random rng) => rng.Next(6) switch
    {
        0 => (Encoding.UTF8.GetBytes(genuine.Json), "application/json", FuzzOrigin.Json),
        1 => (Encoding.ASCII.GetBytes(genuine.Jwt), "text/plain", FuzzOrigin.Jwt),
        2 => (genuine.Png, "image/png", FuzzOrigin.Png),
        3 => (Encoding.UTF8.GetBytes(genuine.Svg), "image/svg+xml", FuzzOrigin.Svg),
        4 => (Encoding.UTF8.GetBytes(genuine.SvgJwt), "image/svg+xml", FuzzOrigin.Svg),
        _ => (genuine.Pdf, "application/pdf", FuzzOrigin.Pdf),
    };

    private FuzzCase Genuine(Random rng, int index)
    {
        var (bytes, type, origin) = AnyGenuine(rng);
        return Upload(rng, index, "genuine", bytes, type, origin) with { Expectation = FuzzExpectation.Genuine };
    }

    /// <summary>Sends <paramref name="payload"/> to one of the upload endpoints, raw or as a multipart file.</summary>
    private static FuzzCase Upload(Random rng, int index, string cls, byte[] payload, string type, FuzzOrigin origin)
    {
        var path = rng.Next(4) == 0 ? "/v" : "/api/verify";
        if (rng.Next(4) == 0)
        {
            var (body, contentType) = MultipartBody(payload, type, "file", "upload");
            return new FuzzCase(index, cls, $"POST {path} multipart", HttpMethod.Post, path, body, contentType, origin, FuzzExpectation.MustNotVerify)
            {
                Payload = payload,
            };
        }

        return new FuzzCase(index, cls, $"POST {path} {type}", HttpMethod.Post, path, payload, type, origin, FuzzExpectation.MustNotVerify) { Payload = payload };
    }

    private static (byte[] Body, string ContentType) MultipartBody(byte[] payload, string type, string field, string fileName)
    {
        const string Boundary = "fuzzboundary7MA4YWxkTrZu0gW";
        var head = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: {type}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        return ([.. head, .. payload, .. tail], $"multipart/form-data; boundary={Boundary}");
    }

    private static string RandomText(Random rng, int length, string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[rng.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static byte[] FlipBits(Random rng, byte[] bytes, int flips)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < flips; i++)
        {
            copy[rng.Next(copy.Length)] ^= (byte)(1 << rng.Next(8));
        }

        return copy;
    }

    private static byte[] Truncate(Random rng, byte[] bytes) =>
        bytes[..(rng.Next(3) == 0 ? Math.Max(0, bytes.Length - 1 - rng.Next(64)) : rng.Next(bytes.Length))];
}
