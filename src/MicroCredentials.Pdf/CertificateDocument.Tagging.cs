using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    /// <summary>
    /// Opens a structure element (PDF/UA-1 §7.1: all content is tagged or marked as an artifact); disposing the result
    /// closes it. Elements are opened in reading order, so the structure tree is also the order a screen reader reads.
    /// </summary>
    private Scope Element(PdfBlockLevelElementTag tag)
    {
        _tags.BeginElement(tag);
        return new Scope(_tags);
    }

    /// <summary>A grouping element (a table's rows, a list).</summary>
    private Scope Element(PdfGroupingElementTag tag)
    {
        _tags.BeginElement(tag);
        return new Scope(_tags);
    }

    /// <summary>A figure with its alternative text (PDF/UA-1 §7.3) and its bounding box on the page.</summary>
    private Scope Figure(string alternativeText, XRect box)
    {
        _tags.BeginElement(PdfIllustrationElementTag.Figure, alternativeText, box);
        return new Scope(_tags);
    }

    /// <summary>Decoration (frames, rules, ornaments): marked as an artifact, skipped by assistive technology.</summary>
    private Scope Artifact()
    {
        _tags.BeginArtifact();
        return new Scope(_tags);
    }

    /// <summary>Closes what it opened.</summary>
    private readonly struct Scope(StructureBuilder builder) : IDisposable
    {
        public void Dispose() => builder.End();
    }
}
