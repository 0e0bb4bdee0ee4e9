using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;

namespace CrmBlazor.Sending;

/// <summary>
/// The document's PDF (stored or printed) for the domain's emails. It loads the document as the system:
/// its callers (sending, checked for staff, and the reminder scheduler, which has no user) authorise first.
/// </summary>
public sealed class SystemDocumentPdfSource(
    CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock, DocumentHtmlRenderer renderer, IPdfPrinter printer) : IDocumentPdfSource
{
    public async Task<PdfAttachment?> GetAsync(long documentId, CancellationToken ct = default)
    {
        var system = SystemCurrentActor.Instance;
        var loader = new DocumentSheetLoader(new DocumentService(dbs, system, feed, clock), new SettingsService(dbs, system, feed, clock),
            new ClientService(dbs, system, feed, clock));
        var service = new DocumentPdfService(loader, renderer, printer, new DocumentPdfStore(dbs, system, clock));
        return await service.GetAsync(documentId, ct) is { } file ? new PdfAttachment(file.FileName, file.Bytes) : null;
    }
}
