using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// Embeds files as PDF 2.0 associated files (ISO 32000-2 §7.11.4 and §14.13): an <c>/EmbeddedFile</c> stream with its
/// MIME <c>/Subtype</c> and <c>/Params</c>, a <c>/Filespec</c> with <c>/AFRelationship</c>, listed both in the
/// catalog's <c>/Names /EmbeddedFiles</c> tree (so every reader's attachment panel shows them) and in <c>/AF</c>.
/// </summary>
internal static class PdfAttachments
{
    /// <summary>One file to embed.</summary>
    /// <param name="FileName">Name shown by readers (also the name-tree key).</param>
    /// <param name="Content">Bytes, stored unchanged.</param>
    /// <param name="MimeType">MIME type, e.g. <c>application/vc+ld+json</c>.</param>
    /// <param name="Description">Human description (<c>/Desc</c>).</param>
    /// <param name="Relationship"><c>Source</c>, <c>Data</c>, <c>Alternative</c>, <c>Supplement</c> or <c>Unspecified</c>.</param>
    public sealed record Attachment(string FileName, byte[] Content, string MimeType, string Description, string Relationship);

    /// <summary>Adds <paramref name="attachments"/> to <paramref name="document"/>.</summary>
    public static void Embed(PdfDocument document, IEnumerable<Attachment> attachments, DateTimeOffset modified)
    {
        var names = new PdfArray(document);
        var associated = new PdfArray(document);
        foreach (var attachment in attachments.OrderBy(a => a.FileName, StringComparer.Ordinal))
        {
            var specification = FileSpecification(document, attachment, modified);
            names.Elements.Add(new PdfString(attachment.FileName));
            names.Elements.Add(specification.Reference!);
            associated.Elements.Add(specification.Reference!);
        }
        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = names;
        var nameDictionary = document.Internals.Catalog.Elements.GetDictionary("/Names") ?? new PdfDictionary(document);
        nameDictionary.Elements["/EmbeddedFiles"] = tree;
        document.Internals.Catalog.Elements["/Names"] = nameDictionary;
        document.Internals.Catalog.Elements["/AF"] = associated;
    }

    private static PdfDictionary FileSpecification(PdfDocument document, Attachment attachment, DateTimeOffset modified)
    {
        var parameters = new PdfDictionary(document);
        parameters.Elements["/Size"] = new PdfInteger(attachment.Content.Length);
        parameters.Elements["/ModDate"] = new PdfDate(modified.UtcDateTime);

        var file = new PdfDictionary(document);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Subtype", "/" + attachment.MimeType);
        file.Elements["/Params"] = parameters;
        file.CreateStream(attachment.Content);
        document.Internals.AddObject(file);

        var streams = new PdfDictionary(document);
        streams.Elements["/F"] = file.Reference!;
        streams.Elements["/UF"] = file.Reference!;

        var specification = new PdfDictionary(document);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements["/F"] = new PdfString(attachment.FileName);
        specification.Elements["/UF"] = new PdfString(attachment.FileName, PdfStringEncoding.Unicode);
        specification.Elements["/Desc"] = new PdfString(attachment.Description, PdfStringEncoding.Unicode);
        specification.Elements.SetName("/AFRelationship", "/" + attachment.Relationship);
        specification.Elements["/EF"] = streams;
        document.Internals.AddObject(specification);
        return specification;
    }
}
