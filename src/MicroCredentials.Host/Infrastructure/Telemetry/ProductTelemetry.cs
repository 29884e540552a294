using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>
/// The product's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <see cref="Name"/>, and every
/// instrument with a one-line method to record it. Recording costs next to nothing while nobody listens (telemetry is off
/// by default, see <see cref="TelemetryOptions"/>); with <c>Telemetry:Enabled</c> OpenTelemetry exports both over OTLP.
/// </summary>
/// <remarks>
/// Instrument names follow the OpenTelemetry conventions (dot-separated, unit in <c>unit</c>, durations in seconds). Tag
/// values are closed sets (verdicts, formats, outcomes) or catalogue codes — never a learner, an e-mail or a credential id.
/// </remarks>
internal static class ProductTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "MicroCredentials";

    private static readonly string? Version = typeof(ProductTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Spans: <c>verify</c>, <c>issue</c>, <c>batch.chunk.sign</c>, <c>batch.chunk.commit</c>, <c>pdf.render</c>.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    /// <summary>Every instrument below.</summary>
    public static readonly Meter Meter = new(Name, Version);

    // Rows still to do per running job, as last reported by this host's runs (the observable gauge reads it).
    private static readonly ConcurrentDictionary<string, long> RowsRemainingByJob = new(StringComparer.Ordinal);

    private static readonly Counter<long> CredentialsIssued = Meter.CreateCounter<long>("microcred.credentials.issued", "{credential}",
        "Credentials issued, by format and micro-credential.");

    private static readonly Counter<long> BatchJobs = Meter.CreateCounter<long>("microcred.batch.jobs", "{job}",
        "Batch job runs started, done, cancelled and failed on this host.");

    private static readonly Counter<long> BatchRows = Meter.CreateCounter<long>("microcred.batch.rows", "{row}",
        "Batch rows worked, by outcome: issued, already_issued, rejected.");

    private static readonly Counter<long> Verifications = Meter.CreateCounter<long>("microcred.verifications", "{verification}",
        "Verifications, by verdict and format.");

    private static readonly Histogram<double> VerificationDuration = Meter.CreateHistogram<double>("microcred.verification.duration", "s",
        "Time to verify one credential, by verdict and format.");

    private static readonly Counter<long> StatusListFetches = Meter.CreateCounter<long>("microcred.status_list.fetches", "{fetch}",
        "Status list fetches: served (verifiers fetching ours) and remote (ours fetching others'), by outcome.");

    private static readonly Counter<long> Emails = Meter.CreateCounter<long>("microcred.emails", "{email}",
        "E-mails handed to the mail server, by outcome: sent or failed.");

    private static readonly Counter<long> PdfRenders = Meter.CreateCounter<long>("microcred.pdf.renders", "{pdf}",
        "Certificate PDFs rendered and sealed, by language and seal (plain or time_stamped).");

    static ProductTelemetry()
    {
        Meter.CreateObservableGauge("microcred.batch.rows.remaining", () => RowsRemainingByJob.Values.Sum(), "{row}",
            "Rows still to do in the batch jobs this host is running.");
    }

    /// <summary>One credential was issued (stored and signed in both formats, or handed to a wallet).</summary>
    /// <param name="format">Which: <see cref="TelemetryTags.StoredFormat"/>, or the wallet's <c>dc+sd-jwt</c> / <c>ldp_vc</c>.</param>
    /// <param name="achievementId">Its achievement id, <c>&lt;base&gt;/achievements/&lt;code&gt;/&lt;version&gt;</c>: the code is the tag.</param>
    public static void CredentialIssued(string format, string achievementId) =>
        CredentialsIssued.Add(1, new(TelemetryTags.Format, format), new(TelemetryTags.MicroCredential, MicroCredentialOf(achievementId)));

    // The catalogue code in an achievement id (CredentialFactory.AchievementId); "unknown" for any other shape.
    private static string MicroCredentialOf(string achievementId)
    {
        var marker = achievementId.LastIndexOf("/achievements/", StringComparison.Ordinal);
        var rest = marker < 0 ? [] : achievementId[(marker + "/achievements/".Length)..].Split('/');
        return rest.Length == 2 ? Uri.UnescapeDataString(rest[0]) : "unknown";
    }

    /// <summary>A batch job run changed state: <c>started</c>, <c>done</c>, <c>cancelled</c> or <c>failed</c>.</summary>
    public static void BatchJob(string state) => BatchJobs.Add(1, new KeyValuePair<string, object?>(TelemetryTags.State, state));

    /// <summary>Rows of a batch job were worked.</summary>
    public static void BatchRowsWorked(string outcome, long rows)
    {
        if (rows > 0)
        {
            BatchRows.Add(rows, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));
        }
    }

    /// <summary>The rows still to do in a job (null when the job's run ended: it no longer counts).</summary>
    public static void BatchRowsRemaining(string jobId, long? remaining)
    {
        if (remaining is { } rows)
        {
            RowsRemainingByJob[jobId] = rows;
        }
        else
        {
            RowsRemainingByJob.TryRemove(jobId, out _);
        }
    }

    /// <summary>One verification ended with <paramref name="verdict"/> after <paramref name="elapsed"/>.</summary>
    public static void Verified(string verdict, string format, TimeSpan elapsed)
    {
        var tags = new TagList { { TelemetryTags.Verdict, verdict }, { TelemetryTags.Format, format } };
        Verifications.Add(1, tags);
        VerificationDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A status list was fetched: <paramref name="source"/> <c>served</c> or <c>remote</c>, with its outcome.</summary>
    public static void StatusListFetched(string source, string outcome) =>
        StatusListFetches.Add(1, new(TelemetryTags.Source, source), new(TelemetryTags.Outcome, outcome));

    /// <summary>Another issuer's status list was fetched over the network: <c>ok</c> or the failure (<c>timeout</c>, <c>http_status</c>, …).</summary>
    public static void RemoteStatusListFetched(MicroCredentials.Status.StatusListFetchResult result) =>
        StatusListFetched("remote", result.Succeeded ? "ok" : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Failure.ToString()));

    /// <summary>An e-mail was handed to the mail server (the mail sender calls this after each message).</summary>
    public static void EmailSent() => Emails.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, "sent"));

    /// <summary>An e-mail could not be handed to the mail server (the mail sender calls this for each failed message).</summary>
    public static void EmailFailed() => Emails.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, "failed"));

    /// <summary>A certificate PDF was rendered and sealed.</summary>
    public static void PdfRendered(string language, bool timeStamped) =>
        PdfRenders.Add(1, new(TelemetryTags.Language, language), new(TelemetryTags.Seal, timeStamped ? "time_stamped" : "plain"));
}
