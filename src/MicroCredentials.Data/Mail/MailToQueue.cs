namespace MicroCredentials.Data.Mail;

/// <summary>A message to queue for one issued row of a job.</summary>
/// <param name="Line">The row's line in the job.</param>
/// <param name="CredentialId">The row's (live) credential.</param>
/// <param name="LearnerName">The learner's name.</param>
/// <param name="Code">The micro-credential's code.</param>
/// <param name="Language">The language to write in.</param>
/// <param name="Email">The address to send to.</param>
public sealed record MailToQueue(int Line, string CredentialId, string LearnerName, string Code, string Language, string Email);
