using MicroCredentials.Data;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>The host stops with e-mails still queued; a new host on the same database sends the rest, and nothing twice.</summary>
[TestFixture]
public sealed class MailRestartTests
{
    [Test]
    public async Task HostRestart_MidQueue_SendsTheRest_NothingTwice()
    {
        await using var smtp = SmtpTestServer.Start();
        var folder = Directory.CreateTempSubdirectory("microcred-mail-restart-").FullName;
        try
        {
            // One message every two seconds: the first host is stopped with most of the queue still waiting.
            var settings = smtp.Settings(perMinute: 30, tick: "00:00:01");
            settings["Issuer:ConnectionString"] = $"Data Source={Path.Combine(folder, "data", "microcredentials.db")}";
            var graduates = Enumerable.Range(1, 8).Select(i => new Graduate($"restart{i}@example.be", $"Learner {i}")).ToList();
            string jobId;
            var first = await HostFactory.CreateAsync("Sqlite", extra: settings);
            try
            {
                jobId = await MailJobs.IssueAsync(first.Services, graduates);
                var session = await StaffSession.SignInAsync(first.Client(), first.Services, StaffRole.Issuer);
                await MailJobs.QueueAsync(session, jobId);
                await MailJobs.WaitAsync(() => Task.FromResult(!smtp.Received.IsEmpty), "the first message sent by the first host");
            }
            finally
            {
                await first.DisposeAndAssertNo5xxAsync();
            }

            var sentBefore = smtp.Received.Count;
            Assert.That(sentBefore, Is.LessThan(graduates.Count), "the first host stopped mid-queue");

            var second = await HostFactory.CreateAsync("Sqlite", extra: settings);
            try
            {
                var messages = await MailJobs.SettledAsync(second.Services.GetRequiredService<CredentialStore>(), jobId);
                Assert.That(messages.Select(m => m.State), Is.All.EqualTo(MailStates.Sent));
            }
            finally
            {
                await second.DisposeAndAssertNo5xxAsync();
            }

            Assert.That(smtp.Received.Select(r => r.Recipient), Is.EquivalentTo(graduates.Select(g => g.Email)), "every graduate exactly once");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
            }
        }
    }
}
