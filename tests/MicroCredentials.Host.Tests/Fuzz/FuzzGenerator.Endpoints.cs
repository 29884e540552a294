using System.Text;

namespace MicroCredentials.Host.Tests.Fuzz;

internal sealed partial class FuzzGenerator
{
    private static readonly string[] WeirdSegments =
    [
        "", "x", "%00", "%2F..%2F..%2Fetc%2Fpasswd", "..", "%c0%ae%c0%ae", "%E2%80%AE", "%F0%9F%92%A9", "%ZZ", "a%20b", "null", "undefined",
        "<script>alert(1)</script>", "' OR '1'='1", "%FF%FE", "1e999", "-1", "0", "CON", "~", "%25", "\u0000".Replace("\u0000", "%00", StringComparison.Ordinal),
    ];

    private string WeirdSegment(Random rng) => rng.Next(5) switch
    {
        0 => RandomText(rng, Pick(rng, [1, 8, 9, 63, 64, 65, 200, 4_000])),
        1 => Uri.EscapeDataString(RandomText(rng, 12, "àéîõüß漢字🙂\u200b\u202e")),
        _ => Pick(rng, WeirdSegments),
    };

    private static readonly (string Name, string Value)[] WeirdHeaders =
    [
        ("Accept-Language", "nl-BE,nl;q=0.9"), ("Accept-Language", "*;q=abc, xx-YY;q=2"), ("Accept-Language", new string('a', 8_000)),
        ("Accept", "text/html"), ("Accept", "*/*;q=0"), ("Accept", "application/json, text/html;q=oops"), ("If-None-Match", "\"garbage"),
        ("If-None-Match", "*"), ("If-Modified-Since", "yesterday"), ("Range", "bytes=0-0,-1"), ("Range", "bytes=99999999999-"),
        ("X-Forwarded-For", "127.0.0.1, ::1, garbage"), ("Cookie", "a=" + new string('b', 4_000)), ("Origin", "null"),
    ];

    private FuzzCase GetCase(Random rng, int index, string cls)
    {
        var (endpoint, path) = cls switch
        {
            "get-verify-page" => VerifyPagePath(rng),
            "get-downloads" => DownloadPath(rng),
            "get-status" => ("GET /status/{n}", "/status/" + Pick(rng, [genuine.StatusPath[(genuine.StatusPath.LastIndexOf('/') + 1)..], "0", "-1", "2",
                "99999999999999999999", "abc", "1.5", "%20", "1%00", new string('9', 5_000), "0x1", "1;2"])),
            "get-well-known" => ("GET well-known", Pick(rng, ["/.well-known/did.json", "/.well-known/jwks.json", "/issuer", "/contexts/microcredential-v1.jsonld",
                "/openapi/v1.json", "/healthz", "/.well-known/", "/.well-known/did.json/..", "/contexts/", "/contexts/../../appsettings.json", "/%", "//", "/v/%ZZ",
                "/api/verify", "/d/", "/status/"]) + (rng.Next(3) == 0 ? "?" + Pick(rng, ["lang=xx", "x=" + new string('y', 3_000), "%%%", "a[]=1&a[]=2", "lang=nl&lang=en"]) : "")),
            _ => Head(rng),
        };
        var method = cls == "head" ? HttpMethod.Head : HttpMethod.Get;
        return new FuzzCase(index, cls, endpoint, method, path, null, null, FuzzOrigin.None, FuzzExpectation.MustNotVerify)
        {
            Headers = rng.Next(3) == 0 ? [Pick(rng, WeirdHeaders)] : [],
        };
    }

    private (string Endpoint, string Path) VerifyPagePath(Random rng) => rng.Next(4) switch
    {
        0 => ("GET /v/{handle}", "/v/" + genuine.Handle + (rng.Next(2) == 0 ? "?lang=" + Pick(rng, ["nl", "en", "xx", "<b>", ""]) : "")),
        1 => ("GET /v/{handle}", "/v/" + WeirdSegment(rng)),
        2 => ("GET /v?code=", "/v?code=" + Pick(rng, [genuine.ShortCode, genuine.ShortCode.ToLowerInvariant(), " " + genuine.ShortCode + " ",
            genuine.ShortCode.Replace("-", "", StringComparison.Ordinal), Uri.EscapeDataString("٣٤٥٦"), "%00", new string('A', 10_000), WeirdSegment(rng)])),
        _ => ("GET /v", "/v" + Pick(rng, ["", "?", "?lang=en", "?code=", "?code", "?code=&code=x"])),
    };

    private (string Endpoint, string Path) DownloadPath(Random rng)
    {
        var token = rng.Next(3) == 0 ? genuine.DownloadPath[3..] : WeirdSegment(rng);
        var file = Pick(rng, ["", "credential.json", "credential.jwt", "badge.png", "certificate-xx.pdf", "certificate-.pdf", "certificate-nl.pdf.exe",
            "..%2Fcredential.json", "nope"]);
        return ("GET /d/{token}/…", $"/d/{token}/{file}");
    }

    private (string Endpoint, string Path) Head(Random rng) => rng.Next(4) switch
    {
        0 => ("HEAD /v/{handle}", "/v/" + (rng.Next(2) == 0 ? genuine.Handle : WeirdSegment(rng))),
        1 => ("HEAD /status/{n}", genuine.StatusPath),
        2 => ("HEAD /d/{token}/…", genuine.DownloadPath + "/credential.json"),
        _ => ("HEAD well-known", Pick(rng, ["/.well-known/did.json", "/.well-known/jwks.json", "/issuer", "/api/verify"])),
    };

    private FuzzCase Multipart(Random rng, int index)
    {
        var (payload, type, origin) = AnyGenuine(rng);
        var path = rng.Next(2) == 0 ? "/v" : "/api/verify";
        byte[] body;
        var contentType = "multipart/form-data; boundary=b0undary";
        var genuinePart = $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c\"\r\nContent-Type: {type}\r\n\r\n";
        switch (rng.Next(10))
        {
            case 0:
                // Garbage first, the genuine file second: which one is verified must not matter for the 5xx rule.
                body = [.. Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\ngarbage\r\n" + genuinePart), .. payload,
                    .. "\r\n--b0undary--\r\n"u8];
                break;
            case 1:
                body = [.. Encoding.ASCII.GetBytes(genuinePart.Replace("filename=\"c\"", "filename=\"" + Pick(rng, ["../../etc/passwd", new string('f', 10_000), "a\"b", "漢字.json", ""]) + "\"",
                    StringComparison.Ordinal)), .. payload, .. "\r\n--b0undary--\r\n"u8];
                break;
            case 2:
                body = [.. Encoding.ASCII.GetBytes(genuinePart), .. payload];
                break;
            case 3:
                contentType = Pick(rng, ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"" + new string('b', 200) + "\"", "multipart/mixed; boundary=b0undary"]);
                body = [.. Encoding.ASCII.GetBytes(genuinePart), .. payload, .. "\r\n--b0undary--\r\n"u8];
                break;
            case 4:
                body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("--b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n", Pick(rng, [1_000, 1_100, 5_000]))) + "--b0undary--\r\n");
                break;
            case 5:
                body = [.. Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c\"\r\nX-Long: " + new string('h', Pick(rng, [10_000, 100_000])) + "\r\n\r\n"), .. payload, .. "\r\n--b0undary--\r\n"u8];
                break;
            case 6:
                body = [.. Encoding.ASCII.GetBytes("--b0undary\r\nContent-Type: multipart/mixed; boundary=inner\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c\"\r\n\r\n--inner\r\n\r\n"),
                    .. payload, .. "\r\n--inner--\r\n--b0undary--\r\n"u8];
                break;
            case 7:
                body = [.. Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"), .. payload, .. "\r\n--b0undary--\r\n"u8];
                break;
            case 8:
                body = Truncate(rng, [.. Encoding.ASCII.GetBytes(genuinePart), .. payload, .. "\r\n--b0undary--\r\n"u8]);
                break;
            default:
                body = [.. Encoding.ASCII.GetBytes(genuinePart.Replace("\r\n", "\n", StringComparison.Ordinal)), .. payload, .. "\n--b0undary--\n"u8];
                break;
        }

        return new FuzzCase(index, "multipart", $"POST {path} multipart", HttpMethod.Post, path, body, contentType, origin, FuzzExpectation.MustNotVerify)
        {
            Payload = payload,
        };
    }

    private FuzzCase ContentType(Random rng, int index)
    {
        var (payload, _, origin) = AnyGenuine(rng);
        var type = Pick(rng, ["application/json; charset=utf-16", "application/json; charset=latin1", "text/plain; charset=utf-7", "image/png; x",
            "application/xml", "", ";;;", "application/json; charset=\"", "APPLICATION/JSON", "text/html", "application/x-www-form-urlencoded",
            "application/pdf; " + new string('p', 5_000), "*/*"]);
        var path = rng.Next(2) == 0 ? "/v" : "/api/verify";
        return new FuzzCase(index, "content-type", $"POST {path} odd type", HttpMethod.Post, path, payload, type, origin, FuzzExpectation.MustNotVerify)
        {
            Payload = payload,
        };
    }
}
