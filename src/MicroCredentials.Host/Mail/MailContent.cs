namespace MicroCredentials.Host.Mail;

/// <summary>The texts and links of one e-mail to a graduate, already in the learner's language (the plain and HTML parts say the same).</summary>
/// <param name="Language">The language (<c>nl</c>, <c>en</c> or <c>fr</c>): the HTML part's <c>lang</c>.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Greeting">"Dear …,".</param>
/// <param name="Awarded">The institution awards the micro-credential (its title in the language).</param>
/// <param name="DownloadIntro">What the personal link is for.</param>
/// <param name="DownloadLinkText">The HTML part's link text.</param>
/// <param name="DownloadUrl">The personal download link.</param>
/// <param name="Files">What the files are.</param>
/// <param name="VerifyIntro">What the verification link is for.</param>
/// <param name="VerifyLinkText">The HTML part's link text.</param>
/// <param name="VerificationUrl">The public verification page.</param>
/// <param name="Personal">Keep the download link to yourself.</param>
/// <param name="Closing">"Kind regards,".</param>
/// <param name="Signature">The signatory, their title and the institution, one line each.</param>
/// <param name="Why">Why the learner gets this e-mail.</param>
public sealed record MailContent(string Language, string Subject, string Greeting, string Awarded, string DownloadIntro, string DownloadLinkText,
    string DownloadUrl, string Files, string VerifyIntro, string VerifyLinkText, string VerificationUrl, string Personal, string Closing,
    IReadOnlyList<string> Signature, string Why)
{
    /// <summary>The plain-text part.</summary>
    public string PlainText() => string.Join("\n", [
        Greeting, "", Awarded, "", DownloadIntro, DownloadUrl, "", Files, "", VerifyIntro, VerificationUrl, "", Personal, "", Closing,
        .. Signature, "", "--", Why, ""]);
}
