using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>Without <c>Mail:Host</c> e-mail is off: the job page explains it instead of offering the button, and the action is refused.</summary>
[TestFixture]
public sealed class MailOffTests
{
    [Test]
    public async Task NoMailHost_JobPageExplains_NoButton_QueueingRefused()
    {
        var factory = await HostFactory.CreateAsync("Sqlite");
        try
        {
            var client = factory.Client();
            var jobId = await MailJobs.IssueAsync(factory.Services, [new($"off.{Guid.NewGuid():N}@example.be", "Wout Janssens")]);
            var session = await StaffSession.SignInAsync(client, factory.Services, StaffRole.Issuer);
            using (var page = await session.GetAsync($"/staff/issue/jobs/{jobId}?lang=en"))
            {
                var html = await page.Content.ReadAsStringAsync();
                Assert.That(html, Does.Contain("data-field=\"mail-off\"").And.Contain("Mail:Host"));
                Assert.That(html, Does.Not.Contain("data-action=\"mail\""));
            }

            using var queue = await session.PostFormAsync($"/staff/issue/jobs/{jobId}/mail", [], tokenFrom: $"/staff/issue/jobs/{jobId}");
            Assert.That(queue.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        }
        finally
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }
}
