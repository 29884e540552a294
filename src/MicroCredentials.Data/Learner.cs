namespace MicroCredentials.Data;

/// <summary>A learner known to the issuer.</summary>
/// <param name="Id">The row id.</param>
/// <param name="EmailHash">The keyed lookup hash of the e-mail address (<see cref="LearnerEmailHash"/>), not the salted hash in credentials.</param>
/// <param name="Name">The learner's name as last issued.</param>
public sealed record Learner(long Id, string EmailHash, string Name);
