using MicroCredentials.Host.Mail;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>The <c>Mail</c> settings: off without a host, checked at start with a message naming the setting, the rate split into ticks.</summary>
public sealed class MailOptionsTests
{
    private static MailOptions Valid() => new() { Host = "smtp.example.be", FromAddress = "microcredentials@example.be" };

    [Test]
    public void Validate_NoHost_IsOff_AndValid() =>
        Assert.That(() => new MailOptions().Validate(), Throws.Nothing, "no Mail:Host: e-mail is off, nothing else is required");

    [TestCase(null, "Mail:FromAddress", TestName = "Host without a sender")]
    [TestCase("not an address", "Mail:FromAddress", TestName = "Sender that is not an address")]
    public void Validate_BadSender_NamesTheSetting(string? from, string setting) =>
        Assert.That(() => With(o => o.FromAddress = from).Validate(), Throws.InvalidOperationException.With.Message.Contains(setting));

    [Test]
    public void Validate_OnePastEachBound_NamesTheSetting()
    {
        Assert.That(() => With(o => o.MessagesPerMinute = 10_001).Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:MessagesPerMinute"));
        Assert.That(() => With(o => o.MessagesPerMinute = 0).Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:MessagesPerMinute"));
        Assert.That(() => With(o => o.RetryCount = 21).Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:RetryCount"));
        Assert.That(() => With(o => o.Port = 65536).Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:Port"));
        Assert.That(() => With(o => o.User = "mailer").Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:Password"));
        Assert.That(() => With(o => o.Tick = TimeSpan.FromSeconds(61)).Validate(), Throws.InvalidOperationException.With.Message.Contains("Mail:Tick"));
        Assert.That(() => With(o => o.MessagesPerMinute = 10_000).Validate(), Throws.Nothing);
    }

    [TestCase(60, 5, 5, 5, TestName = "60 a minute in 5-second ticks: 5 per tick")]
    [TestCase(6, 5, 10, 1, TestName = "6 a minute: the tick stretches to 10 s, 1 per tick")]
    [TestCase(120, 1, 1, 2, TestName = "120 a minute in 1-second ticks: 2 per tick")]
    public void Rate_IsSplitIntoTicks(int perMinute, int tickSeconds, int intervalSeconds, int perTick)
    {
        var options = With(o => (o.MessagesPerMinute, o.Tick) = (perMinute, TimeSpan.FromSeconds(tickSeconds)));
        Assert.That(options.TickInterval, Is.EqualTo(TimeSpan.FromSeconds(intervalSeconds)));
        Assert.That(options.MessagesPerTick, Is.EqualTo(perTick));
        Assert.That(options.MessagesPerTick * 60 / options.TickInterval.TotalSeconds, Is.LessThanOrEqualTo(perMinute));
    }

    [Test]
    public void Backoff_DoublesUpToAnHour()
    {
        var options = With(o => o.RetryBackoff = TimeSpan.FromMinutes(1));
        Assert.That(new[] { 1, 2, 3, 10 }.Select(options.BackoffAfter),
            Is.EqualTo(new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromHours(1) }));
    }

    private static MailOptions With(Action<MailOptions> change)
    {
        var options = Valid();
        change(options);
        return options;
    }
}
