using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Documents.Pdf;

public sealed record PdfFile(byte[] Bytes, string FileName);

/// <summary>
/// The PDF of a document (DOC-5). An issued document's PDF is stored and made again only when the
/// document's version changes; a draft is printed every time and never stored.
/// </summary>
public sealed class DocumentPdfService(DocumentSheetLoader loader, DocumentHtmlRenderer renderer, IPdfPrinter printer, DocumentPdfStore store)
{
    public async Task<PdfFile?> GetAsync(long documentId, CancellationToken ct = default)
    {
        var data = await loader.LoadAsync(documentId, ct);
        if (data is null) return null;
        var document = data.Document;
        var name = FileName(document);
        var keep = document.Status != DocumentStatus.Draft;
        if (keep && await store.FindAsync(document.Id, document.Version, ct) is { } stored) return new PdfFile(stored, name);

        var pdf = await printer.PrintAsync(await renderer.RenderAsync(data), ct);
        if (keep) await store.SaveAsync(document.Id, document.Version, pdf, ct);
        return new PdfFile(pdf, name);
    }

    /// <summary>Prints data its caller loaded and authorised (the public page, by its token); nothing is stored.</summary>
    public async Task<PdfFile> PrintAsync(DocumentSheetData data, CancellationToken ct = default) =>
        new(await printer.PrintAsync(await renderer.RenderAsync(data), ct), FileName(data.Document));

    public static string FileName(DocumentDetails document) => Domain.Sending.DocumentFileName.For(document.Number, document.Id);
}
