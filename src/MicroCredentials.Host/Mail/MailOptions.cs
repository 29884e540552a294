using MimeKit;

namespace MicroCredentials.Host.Mail;

/// <summary>
/// E-mail to the graduates over SMTP (section <c>Mail</c>). Off when <see cref="Host"/> is not set: the job page then
/// explains that e-mail is not configured instead of offering the button. Validated at start by <see cref="Validate"/>.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mail";

    /// <summary>The SMTP server's host name; empty (the default) turns e-mail off.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; default 587 with <see cref="MailTlsMode.StartTls"/>, 465 with SslOnConnect, 25 with None.</summary>
    public int? Port { get; set; }

    /// <summary>How the connection is protected; default <see cref="MailTlsMode.StartTls"/>.</summary>
    public MailTlsMode Tls { get; set; } = MailTlsMode.StartTls;

    /// <summary>The user to authenticate as; empty (the default) sends without authentication.</summary>
    public string? User { get; set; }

    /// <summary>The password of <see cref="User"/> (from a secret store or the environment, never from a committed file).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address (required when e-mail is on).</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name; default: the institution's name from the catalogue.</summary>
    public string? FromName { get; set; }

    /// <summary>Where replies go; default: the institution's e-mail in the catalogue, else none.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>At most this many messages per minute from one host (1–10,000); default 60.</summary>
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>How often a transient failure (4xx, connection problem) is retried before the message counts as failed (0–20); default 5.</summary>
    public int RetryCount { get; set; } = 5;

    /// <summary>The wait before the first retry, doubled for each next one up to an hour (1 second–1 hour); default 1 minute.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the worker looks for due messages (0.1 second–1 minute); default 5 seconds. Each tick sends its share of the rate.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The time allowed for each SMTP command and the connection (1 second–5 minutes); default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether e-mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The port in use (<see cref="Port"/> or the TLS mode's usual one).</summary>
    public int EffectivePort => Port ?? Tls switch
    {
        MailTlsMode.SslOnConnect => 465,
        MailTlsMode.None => 25,
        _ => 587,
    };

    /// <summary>The time between two ticks: <see cref="Tick"/>, stretched so that a tick sends at least one message within the rate.</summary>
    public TimeSpan TickInterval => TimeSpan.FromTicks(Math.Max(Tick.Ticks, TimeSpan.FromMinutes(1).Ticks / MessagesPerMinute));

    /// <summary>At most this many messages per tick: the rate's share of <see cref="TickInterval"/> (at least one).</summary>
    public int MessagesPerTick => Math.Max(1, (int)(MessagesPerMinute * TickInterval.TotalSeconds / 60));

    /// <summary>The wait before retry number <paramref name="attempts"/> (1 for the first): <see cref="RetryBackoff"/> doubled each time, at most an hour.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromHours(1).Ticks, RetryBackoff.Ticks * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Checks the settings when e-mail is on; the message names the setting.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        Require(Port is null or (> 0 and <= 65535), "Mail:Port must be between 1 and 65535.");
        Require(Enum.IsDefined(Tls), "Mail:Tls must be None, StartTls or SslOnConnect.");
        Require(!string.IsNullOrWhiteSpace(FromAddress), "Mail:FromAddress is required when Mail:Host is set: the address the graduates' e-mail comes from.");
        Require(MailboxAddress.TryParse(FromAddress, out _), $"Mail:FromAddress '{FromAddress}' is not an e-mail address.");
        Require(ReplyTo is null || MailboxAddress.TryParse(ReplyTo, out _), $"Mail:ReplyTo '{ReplyTo}' is not an e-mail address.");
        Require(string.IsNullOrEmpty(User) || !string.IsNullOrEmpty(Password), "Mail:Password is required when Mail:User is set.");
        Require(MessagesPerMinute is >= 1 and <= 10_000, "Mail:MessagesPerMinute must be between 1 and 10000.");
        Require(RetryCount is >= 0 and <= 20, "Mail:RetryCount must be between 0 and 20.");
        Require(RetryBackoff >= TimeSpan.FromSeconds(1) && RetryBackoff <= TimeSpan.FromHours(1), "Mail:RetryBackoff must be between 00:00:01 and 01:00:00.");
        Require(Tick >= TimeSpan.FromMilliseconds(100) && Tick <= TimeSpan.FromMinutes(1), "Mail:Tick must be between 00:00:00.1 and 00:01:00.");
        Require(Timeout >= TimeSpan.FromSeconds(1) && Timeout <= TimeSpan.FromMinutes(5), "Mail:Timeout must be between 00:00:01 and 00:05:00.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
