using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// The public page of a document (SND-3, SND-4). Nobody is signed in: the token is the only authority, and
/// every kind of miss returns null so the page can answer with one neutral "not available".
/// </summary>
public sealed class PublicDocumentService(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock, DocumentAnswering answers)
{
    public const int NameMax = 200;
    public const int CommentMax = 2000;
    internal const int Attempts = 5;

    /// <summary>
    /// Opens the page: records the view (a view row, the link's counters; on the link's first view the
    /// document becomes Viewed and the client's history says so once) and returns what to show.
    /// </summary>
    public async Task<PublicDocumentView?> OpenAsync(string? token, string ip, string userAgent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        if (await PublicLinkAccess.FindAsync(db, token, now, ct) is not { } found) return null;
        var (link, document) = found;
        bool first;
        // Read first, then a short write transaction: on SQLite writers queue, so the lock is held only for the writes.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Claimed in SQL, so two first views at the same instant still give one "viewed" line.
            first = link.FirstViewedAt is null && await db.PublicLinks.Where(l => l.Id == link.Id && l.FirstViewedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.FirstViewedAt, now), ct) == 1;
            await db.PublicLinks.Where(l => l.Id == link.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Views, l => l.Views + 1).SetProperty(l => l.LastViewedAt, now), ct);
            db.PublicLinkViews.Add(new PublicLinkView(link, now, ip, userAgent));
            if (first)
            {
                db.Record(document.ClientId, HistoryKind.DocumentViewed, Visitor(link.RecipientEmail), now, string.Empty, Event(document, link.RecipientEmail, ip, string.Empty));
            }
            await db.SaveChangesAsync(ct);
            if (first) await MarkViewedAsync(db, document, now, ct);
            await tx.CommitAsync(ct);
        }

        await feed.PublishAsync(new Change(PublicTopics.Link, document.Id, null, document.ClientId));
        if (first)
        {
            await feed.PublishAsync(new Change(Topics.Document, document.Id, null, document.ClientId));
            await feed.PublishAsync(new Change(Topics.History, null, null, document.ClientId));
        }
        return await ViewAsync(db, document, now, ct);
    }

    /// <summary>The same page for HEAD requests, the PDF and re-shown forms: records nothing.</summary>
    public async Task<PublicDocumentView?> PeekAsync(string? token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        return await PublicLinkAccess.FindAsync(db, token, now, ct) is { } found ? await ViewAsync(db, found.Document, now, ct) : null;
    }

    /// <summary>The PDF kept for the document's current version, if staff or a mailing made one; reads only.</summary>
    public async Task<byte[]?> StoredPdfAsync(string? token, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        if (await PublicLinkAccess.FindAsync(db, token, clock.GetUtcNow().UtcDateTime, ct) is not { } found) return null;
        return await db.DocumentPdfs.AsNoTracking()
            .Where(p => p.DocumentId == found.Document.Id && p.DocumentVersion == found.Document.Version)
            .Select(p => p.Bytes).SingleOrDefaultAsync(ct);
    }

    /// <summary>Accepts a quote or proforma once (SND-4); a later or losing attempt gets the answer that stands.</summary>
    public Task<AnswerOutcome?> AcceptAsync(string? token, string name, string comment, string ip, CancellationToken ct = default) =>
        AnswerAsync(token, ip, DocumentStatus.Accepted, name, comment, ct, (name, comment) =>
        {
            var errors = new FieldErrors();
            Check(errors, "Name", name, NameMax, required: true);
            Check(errors, "Comment", comment, CommentMax, required: false);
            errors.ThrowIfAny();
        });

    /// <summary>Rejects a quote or proforma once, with a reason (SND-3); the name is optional.</summary>
    public Task<AnswerOutcome?> RejectAsync(string? token, string reason, string ip, string name = "", CancellationToken ct = default) =>
        AnswerAsync(token, ip, DocumentStatus.Rejected, name, reason, ct, (name, reason) =>
        {
            var errors = new FieldErrors();
            Check(errors, "Reason", reason, CommentMax, required: true);
            Check(errors, "Name", name, NameMax, required: false);
            errors.ThrowIfAny();
        });

    private Task<AnswerOutcome?> AnswerAsync(string? token, string ip, DocumentStatus answer, string name, string comment, CancellationToken ct, Action<string, string> validate) =>
        answers.AnswerAsync(async (db, now) => await PublicLinkAccess.FindAsync(db, token, now, ct) is ({ } link, { } document)
                ? (document, new AnswerSource(link.RecipientEmail, ip, ViaPortal: false))
                : null,
            answer, name, comment, validate, ct);

    /// <summary>A staff change or another link's first view may have moved the version: reload and mark again.</summary>
    internal static async Task MarkViewedAsync(CrmDbContext db, Document document, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            document.MarkViewed(now);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                await db.Entry(document).ReloadAsync(ct);
            }
        }
    }

    internal static async Task<PublicDocumentView> ViewAsync(CrmDbContext db, Document d, DateTime now, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == d.ClientId, ct);
        var contact = d.ContactId is { } cid ? await db.Clients.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Name).SingleOrDefaultAsync(ct) : null;
        var settings = await db.Settings.AsNoTracking().SingleAsync(ct);
        var details = new DocumentDetails(d.Id, d.Type, d.Status, d.Number, d.ClientId, client.Name, client.Status, d.ContactId, contact,
            d.Language, d.Currency, d.IssueDate, d.DueDate, d.ValidUntil, d.Notes, d.Lines.OrderBy(l => l.Position).ToList(), d.Totals(),
            d.IssuedAt, d.CancelledAt, d.Version, [], []);
        var status = d.StatusOn(DateOnly.FromDateTime(now));
        return new PublicDocumentView(details, settings, ClientForm.From(client), status, PublicAnswer.Of(d), d.CanBeAnswered, d.CanBePaid, d.PaidMinor, d.BalanceMinor);
    }

    private static void Check(FieldErrors errors, string field, string value, int max, bool required)
    {
        if (required && value.Length == 0) errors.Add(field, "Error.Required");
        else if (value.Length > max) errors.Add(field, $"Error.TooLong|{max}");
    }

    private static Actor Visitor(string name) => DocumentAnswering.Visitor(name);

    internal static PublicLinkEvent Event(Document d, string recipient, string from, string comment) =>
        DocumentAnswering.Event(d, recipient, from, comment);
}
