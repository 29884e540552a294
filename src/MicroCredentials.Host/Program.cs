using MicroCredentials.Host;
using MicroCredentials.Host.Apis;
using MicroCredentials.Host.Catalogue;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Infrastructure.Configuration;
using MicroCredentials.Host.Infrastructure.Telemetry;
using MicroCredentials.Host.Mail;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Staff.Find;
using MicroCredentials.Host.Staff.Work;
using MicroCredentials.Host.Wallet;

// The host's own folder is the content root (its appsettings.json is read however it is started).
var builder = WebApplication.CreateBuilder(HostContentRoot.Options(args));

// Operations: every setting checked first (a wrong one stops the start with its name and the fix, exit code 2); logs as
// text or JSON (Logging:Format); OpenTelemetry traces and metrics when Telemetry:Enabled.
if (await builder.CheckConfigurationAsync() is { } exitCode)
{
    return exitCode;
}

builder.AddTelemetry();

// Issuer: options, keys, catalogue, storage (SQLite by default, PostgreSQL for scale), issuance and verification.
await builder.AddIssuerAsync();
builder.Services.AddBatchJobs(builder.Configuration); // durable batch jobs and their background worker (section Jobs)
builder.Services.AddMail(builder.Configuration); // e-mail to the graduates over SMTP and its worker (section Mail; off without Mail:Host)

// HTTP: problem details for every error, size limits, rate limiting of public endpoints, OpenAPI.
builder.Services.AddHttpPlumbing();

// Pages: Razor components rendered on the server, texts in Dutch, English and French.
builder.Services.AddPublicPages();

// Staff: sign-in (cookie session; local accounts with ASP.NET Core Identity; OpenID Connect when configured), the
// issuer and administrator policies, and the first-administrator setup link on a start with no account.
builder.AddStaffSignIn();

// Wallets: the OpenID4VCI issuer (offers, token, nonce, credential endpoints) and its metadata.
builder.Services.AddWallet();

// Request lines are logged scrubbed (no download tokens); HSTS outside Development.
builder.AddRequestPrivacy();

var app = builder.Build();
app.UseRequestPrivacy();
app.UseHttpPlumbing();
app.UsePublicPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Employers: the verification page behind the QR code, the upload form, and POST /api/verify.
app.MapVerification();

// Everyone: did.json, jwks.json, the issuer profile, our JSON-LD context, health.
app.MapWellKnown();
app.MapHealth(); // /healthz/live and /healthz/ready, each check named

// Verifiers: W3C Bitstring Status Lists.
app.MapStatusLists();

// Graduates: personal download pages.
app.MapDownloads();

// Wallets: OpenID4VCI 1.0 (ldp_vc and dc+sd-jwt), SD-JWT VC type metadata, Token Status Lists.
app.MapWallet();

// Academy staff: issuance, batches, revoke/suspend/re-issue (API key); "demo": true in the answers of a demo-key host.
app.UseDemoAnswers();
app.MapIssuance();
app.MapStaffWork(); // the staff app's work pages: issue from a spreadsheet (/staff/issue)
app.MapStaffFind(); // find credentials, a credential's history, a learner's credentials; revoke, suspend, re-issue (/staff/credentials)
app.MapCatalogue(); // the catalogue in the database: staff pages (/staff/catalogue) and the institution's logo
app.MapStaffMail(); // e-mail the graduates of a finished job (/staff/issue/jobs/{id}/mail)

// Academy staff: the staff app under /staff (sign-in, setup link, administration).
app.MapStaffApp();

await app.AnnounceAsync();
await app.RunAsync();
return 0;

/// <summary>The host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
