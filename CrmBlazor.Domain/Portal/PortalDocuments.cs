using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The portal's documents (POR-2, CON-5): the signed-in contact's customer's issued quotes (permission Estimates)
/// and invoices, proformas, credit notes and delivery notes (permission Invoices). Drafts and cancelled documents are
/// never shown. Whatever the contact may not see — another customer's, a module without permission, a draft — is
/// answered null, exactly like an id that does not exist, so nothing is revealed.
/// Answers and payments go through the same code as the emailed link (<see cref="DocumentAnswering"/>, <see cref="PaymentService"/>).
/// </summary>
public sealed class PortalDocuments(CrmDbContextFactory dbs, DocumentAnswering answers, PaymentService payments, ChangeFeed feed, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Quotes are the Estimates module; every other type the Invoices module (delivery notes too: they go with the invoice they lead to).</summary>
    public static PortalPermissions ModuleOf(DocumentType type) => type == DocumentType.Quote ? PortalPermissions.Estimates : PortalPermissions.Invoices;

    public static bool MaySeeDocuments(PortalContact contact) => contact.May(PortalPermissions.Estimates) || contact.May(PortalPermissions.Invoices);

    /// <summary>A page of the customer's documents, newest first, keyset paged; null without either document permission.</summary>
    public async Task<PortalDocumentList?> ListAsync(PortalContact contact, PortalDocumentCursor? after = null, CancellationToken ct = default)
    {
        var types = VisibleTypes(contact);
        if (types.Count == 0) return null;
        await using var db = dbs.CreateDbContext();
        var query = Visible(db, contact, types);
        if (after is { } a) query = query.Where(d => d.IssueDate < a.IssueDate || (d.IssueDate == a.IssueDate && d.Id < a.Id));
        var rows = await query.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Id).Take(PageSize + 1)
            .Select(d => new { d.Id, d.Type, d.Number, d.IssueDate, d.TotalMinor, d.Currency, d.Status, d.DueDate, d.OnHold })
            .AsNoTracking().ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = rows.Take(PageSize).Select(d => new PortalDocumentRow(d.Id, d.Type, d.Number, d.IssueDate, d.TotalMinor, d.Currency,
            DocumentStatuses.Effective(d.Type, d.Status, d.DueDate, today), d.OnHold)).ToList();
        return new PortalDocumentList(page, rows.Count > PageSize ? new PortalDocumentCursor(page[^1].IssueDate, page[^1].Id) : null);
    }

    /// <summary>
    /// The document's page, as on its emailed link. The first opening of a document nobody had viewed yet marks it
    /// Viewed, with one History line from the contact (via the portal), like a link's first view.
    /// </summary>
    public async Task<PublicDocumentView?> OpenAsync(PortalContact contact, long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        if (await FindAsync(db, contact, id, ct) is not { } document) return null;
        if (document.ViewedAt is null)
        {
            bool first;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                // Claimed in SQL: two first openings at once give one "viewed" line.
                first = await db.Documents.Where(d => d.Id == id && d.ViewedAt == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.ViewedAt, now), ct) == 1;
                if (first)
                {
                    db.Record(document.ClientId, HistoryKind.DocumentViewed, DocumentAnswering.Visitor(contact.Name), now, string.Empty,
                        DocumentAnswering.Event(document, contact.Email, string.Empty, string.Empty, viaPortal: true));
                    await db.SaveChangesAsync(ct);
                    await PublicDocumentService.MarkViewedAsync(db, document, now, ct);
                }
                await tx.CommitAsync(ct);
            }
            if (first)
            {
                await feed.PublishAsync(new Change(Topics.Document, document.Id, null, document.ClientId));
                await feed.PublishAsync(new Change(Topics.History, null, null, document.ClientId));
            }
        }
        return await PublicDocumentService.ViewAsync(db, document, now, ct);
    }

    /// <summary>The same page for re-shown forms and the PDF: records nothing.</summary>
    public async Task<PublicDocumentView?> PeekAsync(PortalContact contact, long id, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        return await FindAsync(db, contact, id, ct) is { } document ? await PublicDocumentService.ViewAsync(db, document, clock.GetUtcNow().UtcDateTime, ct) : null;
    }

    /// <summary>The PDF kept for the document's current version, if one was made; reads only.</summary>
    public async Task<byte[]?> StoredPdfAsync(PortalContact contact, long id, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        if (await FindAsync(db, contact, id, ct) is not { } document) return null;
        return await db.DocumentPdfs.AsNoTracking().Where(p => p.DocumentId == document.Id && p.DocumentVersion == document.Version)
            .Select(p => p.Bytes).SingleOrDefaultAsync(ct);
    }

    /// <summary>Accepts a quote or proforma in the contact's name (SND-4 via the portal); the comment is optional.</summary>
    public Task<AnswerOutcome?> AcceptAsync(PortalContact contact, long id, string comment, string ip, CancellationToken ct = default) =>
        AnswerAsync(contact, id, DocumentStatus.Accepted, comment, ip, required: false, ct);

    /// <summary>Rejects a quote or proforma in the contact's name, with a reason.</summary>
    public Task<AnswerOutcome?> RejectAsync(PortalContact contact, long id, string reason, string ip, CancellationToken ct = default) =>
        AnswerAsync(contact, id, DocumentStatus.Rejected, reason, ip, required: true, ct);

    /// <summary>
    /// Starts the gateway's checkout for the balance of the contact's invoice or proforma (SND-5 via the portal): null
    /// when the contact may not see it; a <see cref="DomainException"/> when it cannot be paid now. The gateway's
    /// confirmation records the payment, once, as for the emailed link.
    /// </summary>
    public async Task<CheckoutStarted?> StartCheckoutAsync(PortalContact contact, long id, string ip, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        if (await FindAsync(db, contact, id, ct) is not { } document) return null;
        return await payments.StartCheckoutAsync(db, document, attemptId => $"portal/documents/{id}?payment={attemptId}", $"portal/documents/{id}", ip, ct);
    }

    /// <summary>How a checkout of this document stands, for the page the gateway returns to; null if either is not the contact's.</summary>
    public async Task<PortalPaymentState?> PaymentAsync(PortalContact contact, long id, long attemptId, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        if (await FindAsync(db, contact, id, ct) is not { } document) return null;
        var attempt = await db.PaymentAttempts.AsNoTracking().Where(a => a.Id == attemptId && a.DocumentId == id).Select(a => (PaymentAttemptStatus?)a.Status)
            .SingleOrDefaultAsync(ct);
        return attempt is { } status ? new PortalPaymentState(status, document.Status, document.BalanceMinor) : null;
    }

    private async Task<AnswerOutcome?> AnswerAsync(PortalContact contact, long id, DocumentStatus answer, string comment, string ip, bool required, CancellationToken ct) =>
        await answers.AnswerAsync(async (db, _) => await FindAsync(db, contact, id, ct) is { } document
                ? (document, new AnswerSource(contact.Email, ip, ViaPortal: true))
                : null,
            answer, contact.Name, comment, (_, text) =>
            {
                var errors = new FieldErrors();
                if (required && text.Length == 0) errors.Add("Comment", "Error.Required");
                else if (text.Length > PublicDocumentService.CommentMax) errors.Add("Comment", $"Error.TooLong|{PublicDocumentService.CommentMax}");
                errors.ThrowIfAny();
            }, ct);

    /// <summary>The document if this contact may see it, loaded with its lines; null otherwise, whatever the reason.</summary>
    internal static async Task<Document?> FindAsync(CrmDbContext db, PortalContact contact, long id, CancellationToken ct)
    {
        var types = VisibleTypes(contact);
        if (types.Count == 0) return null;
        return await Visible(db, contact, types).Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
    }

    private static IQueryable<Document> Visible(CrmDbContext db, PortalContact contact, IReadOnlyList<DocumentType> types) =>
        db.Documents.Where(d => d.ClientId == contact.CustomerId && types.Contains(d.Type)
            && d.Status != DocumentStatus.Draft && d.Status != DocumentStatus.Cancelled);

    private static List<DocumentType> VisibleTypes(PortalContact contact) =>
        Enum.GetValues<DocumentType>().Where(t => contact.May(ModuleOf(t))).ToList();
}
