using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Layout;

/// <summary>The certificate's palette and named text styles; every string on the page uses one of these.</summary>
internal static class CertificateStyles
{
    /// <summary>Deep navy: headings, names, frame.</summary>
    public static readonly XColor Navy = XColor.FromArgb(0x1B, 0x2F, 0x4E);

    /// <summary>Muted gold: rules and ornaments.</summary>
    public static readonly XColor Gold = XColor.FromArgb(0xA8, 0x86, 0x4B);

    /// <summary>Body text.</summary>
    public static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);

    /// <summary>Labels and small print.</summary>
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x66, 0x70);

    /// <summary>The awarding body at the top of the first page.</summary>
    public static readonly TextStyle Institution = new(CertificateFontResolver.Serif, 17, XFontStyleEx.Bold, Navy);

    /// <summary>The line under the institution (place, country).</summary>
    public static readonly TextStyle InstitutionDetail = new(CertificateFontResolver.Sans, 8.5, XFontStyleEx.Regular, Muted);

    /// <summary>The word "Certificate".</summary>
    public static readonly TextStyle Heading = new(CertificateFontResolver.Serif, 34, XFontStyleEx.Regular, Navy);

    /// <summary>"Micro-credential" under the heading.</summary>
    public static readonly TextStyle Subheading = new(CertificateFontResolver.Sans, 10, XFontStyleEx.Bold, Gold);

    /// <summary>Connecting phrases ("This is to certify that").</summary>
    public static readonly TextStyle Phrase = new(CertificateFontResolver.Serif, 12, XFontStyleEx.Italic, Ink);

    /// <summary>The learner's name.</summary>
    public static readonly TextStyle LearnerName = new(CertificateFontResolver.Serif, 31, XFontStyleEx.Bold, Navy);

    /// <summary>The micro-credential's title.</summary>
    public static readonly TextStyle CredentialTitle = new(CertificateFontResolver.Serif, 20, XFontStyleEx.Bold, Ink);

    /// <summary>Small upper-case labels above values.</summary>
    public static readonly TextStyle Label = new(CertificateFontResolver.Sans, 7, XFontStyleEx.Bold, Muted);

    /// <summary>Values of the key facts row.</summary>
    public static readonly TextStyle FactValue = new(CertificateFontResolver.Serif, 12.5, XFontStyleEx.Bold, Navy);

    /// <summary>Running text (statement, details page).</summary>
    public static readonly TextStyle Body = new(CertificateFontResolver.Serif, 9.5, XFontStyleEx.Regular, Ink);

    /// <summary>Signatory name.</summary>
    public static readonly TextStyle Signatory = new(CertificateFontResolver.Serif, 10.5, XFontStyleEx.Bold, Ink);

    /// <summary>Small print (verification hints, footers).</summary>
    public static readonly TextStyle Small = new(CertificateFontResolver.Sans, 7.5, XFontStyleEx.Regular, Muted);

    /// <summary>The short verification code, meant to be typed.</summary>
    public static readonly TextStyle Code = new(CertificateFontResolver.Sans, 11, XFontStyleEx.Bold, Navy);

    /// <summary>Section headings on the details page.</summary>
    public static readonly TextStyle SectionHeading = new(CertificateFontResolver.Serif, 12, XFontStyleEx.Bold, Navy);
}
