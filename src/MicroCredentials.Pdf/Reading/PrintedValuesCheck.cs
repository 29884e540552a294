namespace MicroCredentials.Pdf;

/// <summary>Whether the name, title and ECTS printed on page 1 are those of the embedded credential.</summary>
public enum PrintedValuesCheck
{
    /// <summary>Not checked: no readable embedded credential or no readable first page.</summary>
    NotChecked,

    /// <summary>Learner name, title (in either language) and ECTS all appear on the first page.</summary>
    Match,

    /// <summary>At least one of them does not appear; see <see cref="CertificateReadResult.Mismatches"/>.</summary>
    Mismatch,
}
