namespace MicroCredentials.Pdf;

public static partial class PdfLimits
{
    /// <summary>
    /// Largest CRL or OCSP answer fetched for the seal's long-term validation data (PAdES B-LT), and largest DER stream
    /// the reader accepts in a DSS update: 256 KiB. An OCSP answer is 1–3 KB; the CRL of a CA that issues seal
    /// certificates is a few KB to about 100 KB. A larger one is not read (the seal stays B-T).
    /// </summary>
    public const int MaxRevocationResponseBytes = 256 * 1024;

    /// <summary>
    /// Seconds one CRL or OCSP fetch may take, connection included (the connect itself is capped by the fetch rules):
    /// a responder answers in well under a second.
    /// </summary>
    public const int RevocationTimeoutSeconds = 10;

    /// <summary>
    /// Most certificates in the seal's chain (the seal certificate, its intermediates and root) that are looked at:
    /// real chains hold 2–4. A longer chain is not followed (the seal stays B-T).
    /// </summary>
    public const int MaxSealChainCertificates = CoreLimits.MaxSealChainCertificates;

    /// <summary>
    /// Most CRL and OCSP fetches for one seal: one per certificate of the chain below its root is enough, plus one CRL
    /// fallback each. Past it the seal stays B-T, so a certificate listing many URLs cannot make one download ask many servers.
    /// </summary>
    public const int MaxRevocationFetches = 8;

    /// <summary>
    /// Most entries the reader accepts in each array of a DSS (<c>/Certs</c>, <c>/CRLs</c>, <c>/OCSPs</c>) and in its
    /// <c>/VRI</c> dictionary: ours writes at most a dozen; a DSS with more is refused.
    /// </summary>
    public const int MaxDssEntries = 64;

    /// <summary>
    /// Most bytes the reader accepts after the signed revision (the DSS update): our update is a few KB plus the CRLs;
    /// 1 MiB leaves room for a few large CRLs.
    /// </summary>
    public const int MaxDssUpdateBytes = 1024 * 1024;

    /// <summary>
    /// Most objects the reader accepts in the DSS update: each DSS list and the VRI may hold <see cref="MaxDssEntries"/>,
    /// plus the VRI dictionary, the DSS and the catalogue.
    /// </summary>
    public const int MaxDssUpdateObjects = (4 * MaxDssEntries) + 3;
}
