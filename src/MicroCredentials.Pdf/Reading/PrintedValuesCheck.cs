namespace MicroCredentials.Pdf;

/// <summary>Whether the text printed on the PDF is the certificate our layout draws from the embedded credential.</summary>
public enum PrintedValuesCheck
{
    /// <summary>Not checked: no readable embedded credential or no readable first page.</summary>
    NotChecked,

    /// <summary>Every page prints exactly the rebuilt certificate's words, in order, size, colour, visibility and place.</summary>
    Match,

    /// <summary>The text differs; see <see cref="CertificateReadResult.PrintedDifference"/> and <see cref="CertificateReadResult.Mismatches"/>.</summary>
    Mismatch,
}
