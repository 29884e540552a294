using System.Globalization;
using System.Net;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Jobs;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>A graduate of a test job: address, name and the spreadsheet's language cell (empty for none).</summary>
internal sealed record Graduate(string Email, string Name, string Language = "");

/// <summary>Test steps around the mail queue: issue a job as the staff app does, e-mail it through the page's form, wait for the outcome.</summary>
internal static class MailJobs
{
    /// <summary>A condition is waited for this long at most (the CI machine is sometimes much slower).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>Issues a job of MC-DSH for the graduates (as the staff app's start does: the job, its contacts and languages) and waits until it is done.</summary>
    public static async Task<string> IssueAsync(IServiceProvider services, IEnumerable<Graduate> graduates)
    {
        var csv = new StringBuilder("email;name;code;awarded;grade;language\n");
        foreach (var g in graduates)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{g.Email};\"{g.Name}\";MC-DSH;2026-02-06;15;{g.Language}\n");
        }

        var catalog = services.GetRequiredService<MicroCredentialCatalog>();
        var read = LearnerCsvReader.Read(csv.ToString(), "mail.csv", catalog, AwardDates.Today(TimeProvider.System));
        Assert.That(read.Errors, Is.Empty);
        var store = services.GetRequiredService<CredentialStore>();
        var jobId = await store.CreateBatchJobAsync(read, "Test Issuer", "mail.csv", CancellationToken.None);
        await store.SaveJobContactsAsync(jobId, read.Rows.Select(r => (r.Line, r.Email)), CancellationToken.None);
        await store.SaveJobContactLanguagesAsync(jobId, read.Rows.Where(r => r.Language is not null).Select(r => (r.Line, r.Language!)), CancellationToken.None);
        services.GetRequiredService<BatchJobSignal>().Wake();
        await WaitAsync(async () => (await store.GetBatchJobAsync(jobId, CancellationToken.None))?.State == BatchJobState.Done, $"job {jobId} done");
        return jobId;
    }

    /// <summary>Posts the job page's "E-mail the graduates" form; returns where it redirected.</summary>
    public static async Task<string> QueueAsync(StaffSession session, string jobId)
    {
        using var response = await session.PostFormAsync($"/staff/issue/jobs/{jobId}/mail", [], tokenFrom: $"/staff/issue/jobs/{jobId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    /// <summary>Waits until none of the job's messages waits any more; returns them.</summary>
    public static async Task<IReadOnlyList<MailMessageRecord>> SettledAsync(CredentialStore store, string jobId)
    {
        try
        {
            await WaitAsync(async () => await store.CountJobMailAsync(jobId, CancellationToken.None) is { Total: > 0, Waiting: 0 }, $"the e-mails of job {jobId} settled");
        }
        catch (AssertionException)
        {
            var now = await store.ReadJobMailAsync(jobId, 0, 1000, CancellationToken.None);
            throw new AssertionException($"the e-mails of job {jobId} did not settle: " + string.Join("; ", now.Select(m => $"{m.Line} {m.State} x{m.Attempts} {m.Answer}")));
        }

        return await store.ReadJobMailAsync(jobId, 0, 1000, CancellationToken.None);
    }

    /// <summary>Polls a condition until it holds (fails after <see cref="Patience"/>).</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.That(TimeProvider.System.GetElapsedTime(start), Is.LessThan(Patience), $"waited in vain for: {what}");
            await Task.Delay(100);
        }
    }
}
