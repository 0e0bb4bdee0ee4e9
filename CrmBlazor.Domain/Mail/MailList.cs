using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Mail;

/// <summary>Where a page of the Mail list starts: the creation time and id of the last row before it.</summary>
public sealed record MailCursor(DateTime CreatedAt, long Id);

public sealed record MailListRequest(long? ClientId = null, MailStatus? Status = null, MailCursor? After = null, int PageSize = 50);

public sealed record MailRow(
    long Id, string ToAddress, string ToName, string Subject, MailStatus Status, int Attempts, string? LastError,
    long? ClientId, string? ClientName, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt);

public sealed record MailPage(IReadOnlyList<MailRow> Rows, int Total, bool TotalIsCapped, MailCursor? Next);

public sealed record MailAttachmentInfo(long Id, string FileName, string ContentType, long Size);

public sealed record MailDetails(
    MailRow Row, string MessageId, MailKind Kind, string From, string TextBody, string HtmlBody,
    long? DocumentId, Documents.DocumentType? DocumentType, string? DocumentNumber, DateTime? LockedUntil,
    IReadOnlyList<MailAttachmentInfo> Attachments);

public sealed record MailAttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>The Mail page (SND-7): every outbox message, newest first, in keyset pages, for staff.</summary>
public sealed class MailList(CrmDbContextFactory dbs, ICurrentActor actors, MailOptions options)
{
    public const int TotalCap = 10_000;

    public async Task<MailPage> ListAsync(MailListRequest r, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        var pageSize = Math.Clamp(r.PageSize, 1, 200);
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var q = db.Outbox.AsNoTracking();
        if (r.ClientId is { } clientId) q = q.Where(m => m.ClientId == clientId);
        if (r.Status is { } status) q = q.Where(m => m.Status == status);

        var total = await q.Take(TotalCap + 1).CountAsync(ct);
        if (r.After is { } at)
        {
            var (when, id) = (at.CreatedAt, at.Id);
            q = q.Where(m => m.CreatedAt <= when && (m.CreatedAt < when || m.Id < id));
        }
        var rows = await Rows(db, q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(pageSize + 1)).ToListAsync(ct);
        MailCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = new MailCursor(rows[^1].CreatedAt, rows[^1].Id);
        }
        return new MailPage(rows, Math.Min(total, TotalCap), total > TotalCap, next);
    }

    public async Task<MailDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var row = await Rows(db, db.Outbox.AsNoTracking().Where(m => m.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var m = await db.Outbox.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.MessageId, x.Kind, x.TextBody, x.HtmlBody, x.DocumentId, x.LockedUntil }).SingleAsync(ct);
        var document = m.DocumentId is { } documentId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.Type, d.Number }).SingleOrDefaultAsync(ct)
            : null;
        var attachments = await db.OutboxAttachments.AsNoTracking().Where(a => a.OutboxMessageId == id).OrderBy(a => a.Id)
            .Select(a => new MailAttachmentInfo(a.Id, a.FileName, a.ContentType, a.Content.Length)).ToListAsync(ct);
        var from = string.IsNullOrWhiteSpace(options.FromName) ? options.FromAddress : $"{options.FromName} <{options.FromAddress}>";
        return new MailDetails(row, m.MessageId, m.Kind, from, m.TextBody, m.HtmlBody, m.DocumentId, document?.Type, document?.Number,
            m.LockedUntil, attachments);
    }

    /// <summary>An attachment as it was sent; staff only (it may be an invoice).</summary>
    public async Task<MailAttachmentFile?> GetAttachmentAsync(long messageId, long attachmentId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.OutboxAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.OutboxMessageId == messageId)
            .Select(a => new MailAttachmentFile(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<MailRow> Rows(CrmDbContext db, IQueryable<OutboxMessage> q) =>
        from m in q
        join c in db.Clients on m.ClientId equals c.Id into clients
        from c in clients.DefaultIfEmpty()
        select new MailRow(m.Id, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.ClientId,
            c == null ? null : c.Name, m.CreatedAt, m.SentAt, m.NextAttemptAt);
}
