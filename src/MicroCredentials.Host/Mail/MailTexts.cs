namespace MicroCredentials.Host.Mail;

/// <summary>
/// The texts of the e-mail to a graduate (<c>MailTexts.resx</c> in English, <c>.nl.resx</c>, <c>.fr.resx</c>; keys
/// <c>Mail.*</c>), read through <c>IStringLocalizer&lt;MailTexts&gt;</c> in the learner's language, not the staff member's.
/// </summary>
internal sealed class MailTexts;
