using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>What a browser does with the staff pages' forms: read the antiforgery token and hidden fields, post them back.</summary>
internal static partial class StaffPages
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(table|fileName)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("data-field=\"counts\">([^<]+)<")]
    private static partial Regex CountsPattern();

    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return Token(await page.Content.ReadAsStringAsync());
    }

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
        : throw new AssertionException("The page has no antiforgery token."));

    /// <summary>Uploads a spreadsheet as the upload form does; returns the status and the page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var token = await TokenAsync(client, "/staff/issue");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        using var response = await client.PostAsync("/staff/issue", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the grid form of <paramref name="html"/> back to <paramref name="action"/> with the mapping and edits given.</summary>
    public static async Task<HttpResponseMessage> PostGridAsync(HttpClient client, string html, string action, IReadOnlyList<string> mapping,
        IReadOnlyDictionary<string, string>? edits = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(html)) };
        fields.AddRange(HiddenPattern().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))));
        fields.AddRange(mapping.Select((f, i) => new KeyValuePair<string, string>($"map-{i}", f)));
        fields.AddRange(edits ?? new Dictionary<string, string>());
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The grid's counts line ("200 new, 0 already issued, 2 invalid.").</summary>
    public static string Counts(string html) => CountsPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
        : throw new AssertionException("The page has no dry-run counts:\n" + html[..Math.Min(html.Length, 3000)]);
}
