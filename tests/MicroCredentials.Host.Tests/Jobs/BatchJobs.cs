using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests.Jobs;

/// <summary>The batch job flow as a client sees it: submit (202 + URL), poll until finished, fetch the links CSV.</summary>
internal static class BatchJobs
{
    /// <summary>POSTs a learners CSV; asserts 202 Accepted with the job's URL in Location and the body.</summary>
    public static async Task<JsonObject> SubmitAsync(HttpClient client, string key, string csv)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/batches", key, new StringContent(csv, Encoding.UTF8, "text/csv")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        var json = (JsonObject)JsonNode.Parse(text)!;
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo((string?)json["url"]));
        return json;
    }

    /// <summary>Polls the job's URL until it is done or cancelled (fails after <paramref name="timeout"/>).</summary>
    public static async Task<JsonObject> WaitAsync(HttpClient client, string key, string url, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromMinutes(2)).TotalMilliseconds;
        while (true)
        {
            using var response = await client.SendAsync(Request(HttpMethod.Get, url, key));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var json = (JsonObject)JsonNode.Parse(text)!;
            if ((string?)json["state"] is "done" or "cancelled")
            {
                return json;
            }

            Assert.That(Environment.TickCount64, Is.LessThan(deadline), $"the job did not finish in time: {text}");
            await Task.Delay(100);
        }
    }

    /// <summary>Submits and waits: the finished job's status.</summary>
    public static async Task<JsonObject> RunAsync(HttpClient client, string key, string csv, TimeSpan? timeout = null) =>
        await WaitAsync(client, key, (string)(await SubmitAsync(client, key, csv))["url"]!, timeout);

    /// <summary>The finished job's links CSV (asserts 200 text/csv).</summary>
    public static async Task<string> LinksAsync(HttpClient client, string key, JsonObject job)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Get, (string)job["linksUrl"]!, key));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        return text;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
