using System.Text;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Sending;

/// <summary>
/// The PDF seam for service tests: a small PDF-looking file named as the real one, without Chromium.
/// Tests that need the real printed PDF use <see cref="Pdf.PdfHost"/> and the web's source.
/// </summary>
public sealed class TestPdfSource(CrmDbContextFactory dbs) : IDocumentPdfSource
{
    private static int _calls;

    public static int Calls => _calls;

    public async Task<PdfAttachment?> GetAsync(long documentId, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _calls);
        await using var db = dbs.CreateDbContext();
        var number = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Number).SingleOrDefaultAsync(ct);
        return new PdfAttachment(DocumentFileName.For(number, documentId), Encoding.ASCII.GetBytes($"%PDF-1.7\n% test {number}\n%%EOF"));
    }
}
