using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>
/// E-mail to the graduates through a real SMTP server on loopback, on SQLite and PostgreSQL: the content per language,
/// the rate limit (counted per SMTP session, one per worker tick), a 451 retried, a 550 recorded with its answer, the
/// address erased once sent, the audit entries.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class MailDeliveryTests(string provider)
{
    private SmtpTestServer? smtp;
    private HostFactory? factory;
    private HttpClient? client;

    private SmtpTestServer Smtp => smtp!;

    private IServiceProvider Services => factory!.Services;

    private CredentialStore Store => Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task Start()
    {
        smtp = SmtpTestServer.Start();
        // 120 a minute with a one-second tick: at most two messages per tick, so per SMTP session.
        factory = await HostFactory.CreateAsync(provider, extra: Smtp.Settings(perMinute: 120, tick: "00:00:01"));
        client = factory.Client();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }

    [Test]
    public async Task Queue_WritesEachLearnerInTheirLanguage_WithBothLinks_EscapesTheName_ErasesTheAddress()
    {
        var tag = Tag();
        Graduate[] graduates =
        [
            new($"nl.{tag}@example.be", "Jan De Vos", "nl"),
            new($"en.{tag}@example.be", "Emma Peeters", "EN"),
            new($"fr.{tag}@example.be", "Élodie Lambert", "fr"),
            new($"default.{tag}@example.be", "<script>alert(1)</script> Wouters"),
        ];
        var jobId = await MailJobs.IssueAsync(Services, graduates);
        var session = await StaffSession.SignInAsync(client!, Services, StaffRole.Issuer);
        Assert.That(await MailJobs.QueueAsync(session, jobId), Is.EqualTo($"/staff/issue/jobs/{jobId}/mail?done=queued&n=4"));

        var messages = await MailJobs.SettledAsync(Store, jobId);
        Assert.That(messages.Select(m => m.State), Is.All.EqualTo(MailStates.Sent));
        Assert.That(messages.Select(m => m.Language), Is.EqualTo(new[] { "nl", "en", "fr", "nl" }), "the spreadsheet's language, else the catalogue entry's first (nl)");
        Assert.That(messages.Select(m => m.Email), Is.All.Null, "the address is erased once sent");
        Assert.That(messages.Select(m => m.EmailHash), Is.All.Not.Null.And.Length.EqualTo(64), "the lookup hash stays");
        Assert.That(messages.Select(m => m.SentAt), Is.All.Not.Null);

        var issuance = Services.GetRequiredService<IssuanceService>();
        string[] subjects = ["Je microcredential “Data science voor de gezondheidszorg” van Nova Academy", "Your micro-credential “Data Science for Healthcare” from Nova Academy",
            "Votre microcertification « Data science voor de gezondheidszorg » de Nova Academy", "Je microcredential “Data science"];
        string[] greetings = ["Beste Jan De Vos,", "Dear Emma Peeters,", "Bonjour Élodie Lambert,", "Beste <script>alert(1)</script> Wouters,"];
        for (var i = 0; i < graduates.Length; i++)
        {
            var received = Smtp.For(graduates[i].Email);
            Assert.That(received, Has.Count.EqualTo(1), graduates[i].Email);
            var mail = received[0];
            var message = messages[i];
            var credential = await Store.FindByIdAsync(message.CredentialId, CancellationToken.None);
            var download = issuance.DownloadUrlFor(message.CredentialId);
            var verification = issuance.Options.VerificationUrl(credential!.Handle);
            Assert.That(mail.Subject, Does.StartWith(subjects[i]));
            Assert.That(mail.TextBody, Does.Contain(greetings[i]).And.Contain(download).And.Contain(verification).And.Contain("PDF").IgnoreCase);
            Assert.That(mail.HtmlBody, Does.Contain($"href=\"{download}\"").And.Contain($"href=\"{verification}\""));
            Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("microcredentials@nova-academy.be"));
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(graduates[i].Email));

            var audit = await Store.QueryAuditAsync(message.CredentialId, 0, 50, CancellationToken.None);
            Assert.That(audit.Where(a => a.Action == AuditAction.EmailSent).Select(a => a.Actor), Is.EqualTo(new[] { session.DisplayName }),
                "the credential's history shows the e-mail with the person who queued it");
        }

        var html = Smtp.For(graduates[3].Email)[0].HtmlBody;
        Assert.That(html, Does.Not.Contain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt; Wouters"), "the name is text, not markup");

        // Queueing the same job again sends nothing twice.
        Assert.That(await MailJobs.QueueAsync(session, jobId), Does.EndWith("n=0"));
    }

    [Test]
    public async Task RateLimit_NoTickSendsMoreThanItsShare()
    {
        var tag = Tag();
        var graduates = Enumerable.Range(1, 7).Select(i => new Graduate($"rate{i}.{tag}@example.be", $"Learner {i}")).ToList();
        var jobId = await MailJobs.IssueAsync(Services, graduates);
        var session = await StaffSession.SignInAsync(client!, Services, StaffRole.Issuer);
        await MailJobs.QueueAsync(session, jobId);
        await MailJobs.SettledAsync(Store, jobId);

        // One tick is one SMTP session: count the messages each session carried.
        var ours = Smtp.Received.Where(r => r.Recipient.Contains(tag, StringComparison.Ordinal)).ToList();
        var sessions = ours.Select(r => r.Session).ToHashSet();
        var perSession = Smtp.Received.Where(r => sessions.Contains(r.Session)).GroupBy(r => r.Session).Select(g => g.Count()).ToList();
        Assert.That(ours, Has.Count.EqualTo(7));
        Assert.That(perSession, Is.All.LessThanOrEqualTo(2), "120 a minute in one-second ticks: at most two per tick");
        Assert.That(perSession, Has.Count.GreaterThanOrEqualTo(4));
    }

    [TearDown]
    public void ShowLoggedErrors()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine("The host logged: " + string.Join("\n", factory!.ErrorLog.Errors));
        }
    }

    [Test]
    public async Task Transient451_ThenAccepted_IsRetriedAndRecordedSent()
    {
        var tag = Tag();
        var retry = $"retry.{tag}@example.be";
        Smtp.Answer = (to, attempt) => to == retry && attempt == 1 ? (451, "4.3.0 Try again later") : null;
        var jobId = await MailJobs.IssueAsync(Services, [new(retry, "Noor Claes")]);
        var session = await StaffSession.SignInAsync(client!, Services, StaffRole.Issuer);
        await MailJobs.QueueAsync(session, jobId);

        var message = (await MailJobs.SettledAsync(Store, jobId)).Single();
        Assert.That(message.State, Is.EqualTo(MailStates.Sent));
        Assert.That(message.Attempts, Is.EqualTo(2));
        Assert.That(Smtp.AttemptsFor(retry), Is.EqualTo(2));
        Assert.That(Smtp.For(retry), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Permanent550_IsRecordedFailedWithTheAnswer_AndResendAsksForTheAddressOnceForgotten()
    {
        var tag = Tag();
        var refused = $"refused.{tag}@example.be";
        var longText = "5.1.1 No such mailbox " + new string('x', 700);
        // Refused the first time only, so the re-send below goes through.
        Smtp.Answer = (to, attempt) => to == refused && attempt == 1 ? (550, longText) : null;
        var jobId = await MailJobs.IssueAsync(Services, [new(refused, "Lotte Maes")]);
        var session = await StaffSession.SignInAsync(client!, Services, StaffRole.Issuer);
        await MailJobs.QueueAsync(session, jobId);

        var message = (await MailJobs.SettledAsync(Store, jobId)).Single();
        Assert.That(message.State, Is.EqualTo(MailStates.Failed));
        Assert.That(message.Attempts, Is.EqualTo(1), "a 5xx is not retried");
        Assert.That(message.Answer, Does.StartWith("550 5.1.1 No such mailbox"));
        Assert.That(message.Answer!, Has.Length.EqualTo(CredentialStore.MaxMailAnswerChars), "a long answer is cut at the bound");
        Assert.That(message.Email, Is.Null, "a final failure erases the address too");
        Assert.That(Smtp.For(refused), Is.Empty);
        var audit = await Store.QueryAuditAsync(message.CredentialId, 0, 50, CancellationToken.None);
        Assert.That(audit.Single(a => a.Action == AuditAction.EmailFailed).Detail, Does.Contain("550"));

        // Once the job's addresses are forgotten, re-sending needs the learner's own address again.
        await Store.ForgetJobContactsAsync(jobId, CancellationToken.None);
        var page = $"/staff/issue/jobs/{jobId}/mail";
        using (var none = await session.PostFormAsync($"{page}/{message.Id}/resend", [], tokenFrom: page))
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using (var wrong = await session.PostFormAsync($"{page}/{message.Id}/resend", [new("email", $"someone.else.{tag}@example.be")], tokenFrom: page))
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("re-issue"));
        }

        using (var right = await session.PostFormAsync($"{page}/{message.Id}/resend", [new("email", refused.ToUpperInvariant())], tokenFrom: page))
        {
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var resent = (await MailJobs.SettledAsync(Store, jobId)).Single();
        Assert.That(resent.State, Is.EqualTo(MailStates.Sent));
        Assert.That(resent.QueuedBy, Is.EqualTo(session.DisplayName));
        Assert.That(Smtp.For(refused), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Page_OnePastTheLastPage_IsRefused_UnknownJobIs404()
    {
        var session = await StaffSession.SignInAsync(client!, Services, StaffRole.Issuer);
        var jobId = await MailJobs.IssueAsync(Services, [new($"page.{Tag()}@example.be", "Sara Jacobs")]);
        using (var last = await session.GetAsync($"/staff/issue/jobs/{jobId}/mail?page={HostLimits.MailMaxPage}"))
        {
            Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var past = await session.GetAsync($"/staff/issue/jobs/{jobId}/mail?page={HostLimits.MailMaxPage + 1}"))
        {
            Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using var unknown = await session.GetAsync("/staff/issue/jobs/no-such-job/mail");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
