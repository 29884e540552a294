namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>The tag (attribute) names and fixed values of <see cref="ProductTelemetry"/>, in one place.</summary>
internal static class TelemetryTags
{
    /// <summary>A credential's format: <see cref="StoredFormat"/>, <c>dc+sd-jwt</c>, <c>ldp_vc</c>; or what was verified.</summary>
    public const string Format = "microcred.format";

    /// <summary>The catalogue code of a micro-credential.</summary>
    public const string MicroCredential = "microcred.micro_credential";

    /// <summary>A verification's verdict, as <c>POST /api/verify</c> writes it (<c>valid</c>, <c>revoked</c>, …).</summary>
    public const string Verdict = "microcred.verdict";

    /// <summary>What became of an operation (closed set per instrument).</summary>
    public const string Outcome = "microcred.outcome";

    /// <summary>A batch job run's state change.</summary>
    public const string State = "microcred.state";

    /// <summary>Whose status list was fetched: <c>served</c> (ours, by a verifier) or <c>remote</c> (another issuer's, by us).</summary>
    public const string Source = "microcred.source";

    /// <summary>A certificate's language.</summary>
    public const string Language = "microcred.language";

    /// <summary>A certificate's seal: <c>plain</c> or <c>time_stamped</c>.</summary>
    public const string Seal = "microcred.seal";

    /// <summary>A batch job's id (on spans only: ids are unbounded, so never on metrics).</summary>
    public const string JobId = "microcred.job_id";

    /// <summary>Rows in a chunk (on spans).</summary>
    public const string Rows = "microcred.rows";

    /// <summary>
    /// The format of a credential issued into our database: one credential signed twice, Data Integrity
    /// (<c>eddsa-rdfc-2022</c>) and VC-JWT.
    /// </summary>
    public const string StoredFormat = "ob3";
}
