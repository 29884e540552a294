namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
    /// <summary>
    /// The learners table's lookup hash of an e-mail address (<see cref="LearnerEmailHash"/> under this deployment's
    /// pepper): how staff find a learner by e-mail although no address is stored in clear.
    /// </summary>
    /// <param name="email">The address as typed (trimmed and lower-cased before hashing).</param>
    /// <returns>64 lowercase hex characters.</returns>
    /// <exception cref="ArgumentException">The address is empty.</exception>
    public string EmailLookupHash(string email) => LearnerEmailHash.Compute(LearnerPepper(), email);
}
