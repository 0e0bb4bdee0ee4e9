using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Documents;

/// <summary>Stored PDFs of issued documents (DOC-5). Printing happens in the web project; this only keeps the bytes.</summary>
public sealed class DocumentPdfStore(CrmDbContextFactory dbs, ICurrentActor actors, TimeProvider clock)
{
    /// <summary>The stored PDF if it was made from <paramref name="version"/> of the document, else null.</summary>
    public async Task<byte[]?> FindAsync(long documentId, long version, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.DocumentPdfs.AsNoTracking()
            .Where(p => p.DocumentId == documentId && p.DocumentVersion == version)
            .Select(p => p.Bytes).SingleOrDefaultAsync(ct);
    }

    /// <summary>Keeps the PDF of one version; a newer stored version is never overwritten by an older one.</summary>
    public async Task SaveAsync(long documentId, long version, byte[] bytes, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var stored = await db.DocumentPdfs.SingleOrDefaultAsync(p => p.DocumentId == documentId, ct);
        if (stored is null) db.DocumentPdfs.Add(new DocumentPdf(documentId, version, bytes, now));
        else if (stored.DocumentVersion <= version) stored.Replace(version, bytes, now);
        else return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests printed the same document at once: the other one stored it.
        }
    }
}
