namespace MicroCredentials.Pdf;

/// <summary>The language a certificate is rendered in; chosen per render.</summary>
public enum CertificateLanguage
{
    /// <summary>English (language-map key <c>en</c>).</summary>
    English,

    /// <summary>Dutch (language-map key <c>nl</c>).</summary>
    Dutch,

    /// <summary>French (language-map key <c>fr</c>).</summary>
    French,
}
