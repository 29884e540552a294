using System.Globalization;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Components.Mail;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace MicroCredentials.Host.Mail;

/// <summary>
/// Writes the e-mail to a graduate in the learner's language, in the catalogue's voice: the institution's name, the
/// micro-credential's title in that language, the learner's name, the personal download link and the verification link,
/// what the files are, the signatory; a plain-text part and a simple HTML part (rendered by Razor, so every text is escaped).
/// </summary>
internal sealed class MailComposer(IStringLocalizer<MailTexts> texts, MailOptions options, IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>The texts of a message in its language.</summary>
    /// <param name="message">The stored message (language, name, code).</param>
    /// <param name="catalog">The catalogue: the institution and the micro-credential's title.</param>
    /// <param name="downloadUrl">The learner's personal download link.</param>
    /// <param name="verificationUrl">The credential's verification page.</param>
    public MailContent Content(MailMessageRecord message, MicroCredentialCatalog catalog, string downloadUrl, string verificationUrl)
    {
        var language = message.Language;
        var mc = catalog.Find(message.Code);
        var title = Localized(mc?.Title, language) ?? message.Code;
        var institution = catalog.Issuer.Name;
        string[] signature = [.. new[] { catalog.Issuer.Signatory, Localized(catalog.Issuer.SignatoryTitle, language), institution }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];

        // The localizer reads the current UI culture: set to the learner's language for these lines only (no await in between).
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return new MailContent(language, texts["Mail.Subject", title, institution], texts["Mail.Greeting", message.LearnerName],
                texts["Mail.Awarded", institution, title], texts["Mail.DownloadIntro"], texts["Mail.DownloadLink"], downloadUrl,
                texts["Mail.Files", institution], texts["Mail.VerifyIntro"], texts["Mail.VerifyLink"], verificationUrl, texts["Mail.Personal"],
                texts["Mail.Closing"], signature, texts["Mail.Why", institution]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The MIME message: from the configured sender, to the learner, plain text and HTML.</summary>
    /// <param name="message">The stored message (its address must still be there).</param>
    /// <param name="content">Its texts (<see cref="Content"/>).</param>
    /// <param name="catalog">The catalogue (default sender name and reply-to).</param>
    /// <exception cref="ParseException">The stored address is not an e-mail address.</exception>
    public async Task<MimeMessage> ComposeAsync(MailMessageRecord message, MailContent content, MicroCredentialCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(message.Email);
        var from = options.FromAddress ?? throw new InvalidOperationException("Mail:FromAddress is not set.");
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName ?? catalog.Issuer.Name, from));
        if ((options.ReplyTo ?? catalog.Issuer.Email) is { } replyTo && MailboxAddress.TryParse(replyTo, out var reply))
        {
            mime.ReplyTo.Add(reply);
        }

        mime.To.Add(new MailboxAddress(message.LearnerName, message.Email));
        mime.Subject = content.Subject;
        // The same id for every attempt of one queueing: a receiving server that got a message whose 250 we never saw can drop the repeat.
        mime.MessageId = $"mail-{message.Id}-{message.QueuedAt.ToUnixTimeMilliseconds()}@{MailboxAddress.Parse(from).Domain}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add(HeaderId.ContentLanguage, content.Language);
        var body = new BodyBuilder { TextBody = content.PlainText(), HtmlBody = await HtmlAsync(content) };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task<string> HtmlAsync(MailContent content)
    {
        // The renderer needs scoped component services: one scope per message, as a request would have.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MailBody.Content)] = content });
            return (await renderer.RenderComponentAsync<MailBody>(parameters)).ToHtmlString();
        });
    }

    // The text in the language, else in the entry's first language.
    private static string? Localized(IReadOnlyDictionary<string, string>? text, string language) =>
        text is null ? null : text.TryGetValue(language, out var value) ? value : text.Values.FirstOrDefault();
}
