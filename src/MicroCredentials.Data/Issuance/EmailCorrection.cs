namespace MicroCredentials.Data.Issuance;

/// <summary>
/// An administrator's statement that a re-issue corrects the learner's e-mail address (it was wrong in the student
/// administration), with the reason kept in the audit log. Without it, a re-issue to another address is refused.
/// </summary>
/// <param name="Reason">Why the address changes, e.g. "typo in the student administration, ticket 4711".</param>
public sealed record EmailCorrection(string Reason);
