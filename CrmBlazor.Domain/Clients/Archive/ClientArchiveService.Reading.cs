using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Archive;

public sealed partial class ClientArchiveService
{
    public const int MaxPageSize = 200;

    /// <summary>The Archive (ARC-3): archived companies and persons by name, searched like the main lists, keyset paged.</summary>
    public async Task<ArchivePage> ListAsync(string? search, ArchiveCursor? after = null, int pageSize = 50, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var folded = SearchText.Fold(search);
        if (folded.Length > ClientListRequest.MaxSearchLength)
            throw new DomainException("Error.SearchTooLong", "search", ClientListRequest.MaxSearchLength);
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var q = db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Archived);
        if (folded.Length > 0) q = ClientSearchIndex.Where(db, q, null, folded, dense: false);
        var total = await q.Take(ClientDirectory.TotalCap + 1).CountAsync(ct);
        if (after is { } a) q = q.Where(c => string.Compare(c.SortKey, a.Key) >= 0 && (string.Compare(c.SortKey, a.Key) > 0 || c.Id > a.Id));
        var rows = await q.OrderBy(c => c.SortKey).ThenBy(c => c.Id).Take(pageSize + 1)
            .Select(c => new ArchivedRow(c.Id, c.Kind, c.Name, c.Email, c.City, c.UpdatedAt, c.Version, c.SortKey)).ToListAsync(ct);
        ArchiveCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = new ArchiveCursor(rows[^1].SortKey, rows[^1].Id);
        }
        return new ArchivePage(rows, Math.Min(total, ClientDirectory.TotalCap), total > ClientDirectory.TotalCap, next);
    }

    /// <summary>The read-only view of an archived client, with who archived it and what permanent deletion would meet.</summary>
    public async Task<ArchivePreview> PreviewAsync(long id, CancellationToken ct = default)
    {
        var details = await clients.GetAsync(id, ct) ?? throw new DomainException("Error.ClientNotFound");
        if (details.Status != ClientStatus.Archived) throw new DomainException("Error.ArchiveNotArchived");
        await using var db = dbs.CreateDbContext();
        var documents = await db.Documents.CountAsync(d => d.ClientId == id, ct);
        var legal = await LegalRecords(db, id).CountAsync(ct);
        var emails = await db.Outbox.CountAsync(m => m.ClientId == id, ct);
        var by = await db.History.AsNoTracking().Where(h => h.ClientId == id && h.Kind == HistoryKind.ClientArchived)
            .OrderByDescending(h => h.Id).Select(h => h.ActorName).FirstOrDefaultAsync(ct) ?? string.Empty;
        return new ArchivePreview(details, documents, legal, emails, details.UpdatedAt, by);
    }

    /// <summary>Issued invoices and credit notes naming the client, as client or contact: records the law keeps (ARC-4).</summary>
    private static IQueryable<Document> LegalRecords(Data.CrmDbContext db, long id) =>
        db.Documents.Where(d => (d.ClientId == id || d.ContactId == id)
                                && (d.Type == DocumentType.Invoice || d.Type == DocumentType.CreditNote) && d.Number != null);
}
