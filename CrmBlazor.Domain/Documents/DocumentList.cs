using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Documents;

/// <summary>Where a page of the document list starts: the issue date and id of the last row before it.</summary>
public sealed record DocumentCursor(DateOnly IssueDate, long Id);

public sealed record DocumentListRequest(
    long? ClientId = null,
    DocumentType? Type = null,
    DocumentStatus? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    DocumentCursor? After = null,
    int PageSize = 50);

public sealed record DocumentPage(IReadOnlyList<DocumentRow> Rows, int Total, bool TotalIsCapped, DocumentCursor? Next);

/// <summary>The document list (DOC-6): filters on the server, newest first, keyset pages, capped count.</summary>
public sealed class DocumentList(CrmDbContextFactory dbs, ICurrentActor actors)
{
    public const int TotalCap = 10_000;

    public async Task<DocumentPage> ListAsync(DocumentListRequest r, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        if (r.From is { } from && r.To is { } to && to < from) throw ValidationFailedException.For("To", "Error.DateRange");
        var pageSize = Math.Clamp(r.PageSize, 1, 200);
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var q = db.Documents.AsNoTracking();
        if (r.ClientId is { } clientId) q = q.Where(d => d.ClientId == clientId);
        if (r.Type is { } type) q = q.Where(d => d.Type == type);
        if (r.Status is { } status) q = q.Where(d => d.Status == status);
        if (r.From is { } f) q = q.Where(d => d.IssueDate >= f);
        if (r.To is { } t) q = q.Where(d => d.IssueDate <= t);

        var total = await q.Take(TotalCap + 1).CountAsync(ct);
        if (r.After is { } at) q = q.Where(d => d.IssueDate <= at.IssueDate && (d.IssueDate < at.IssueDate || d.Id < at.Id));
        var rows = await q.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Id).Take(pageSize + 1)
            .Join(db.Clients, d => d.ClientId, c => c.Id, (d, c) => new DocumentRow(
                d.Id, d.Type, d.Status, d.Number, d.ClientId, c.Name, d.IssueDate, d.DueDate, d.Currency, d.TotalMinor) { OnHold = d.OnHold })
            .ToListAsync(ct);
        DocumentCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = new DocumentCursor(rows[^1].IssueDate, rows[^1].Id);
        }
        return new DocumentPage(rows, Math.Min(total, TotalCap), total > TotalCap, next);
    }

    /// <summary>One row as the list shows it, or null once the document is gone: a live list refreshes only the row that changed.</summary>
    public async Task<DocumentRow?> RowAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Join(db.Clients, d => d.ClientId, c => c.Id, (d, c) => new DocumentRow(
                d.Id, d.Type, d.Status, d.Number, d.ClientId, c.Name, d.IssueDate, d.DueDate, d.Currency, d.TotalMinor) { OnHold = d.OnHold })
            .SingleOrDefaultAsync(ct);
    }
}
