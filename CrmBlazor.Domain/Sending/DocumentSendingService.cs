using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Sending;

/// <summary>"Send by email" (SND-1, SND-2, SND-6): recipients by notification toggles, templates per language, one outbox row per recipient.</summary>
public sealed class DocumentSendingService(
    CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock,
    DocumentMailer mailer, IDocumentPdfSource pdfs, IOptions<PaymentOptions> payments)
{
    public async Task<SendingDraft> PrepareAsync(long documentId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var document = await LoadSendableAsync(db, documentId, ct);
        var (clientName, organisation) = await NamesAsync(db, document, ct);
        var values = EmailTemplates.Values(document, clientName, organisation, Today());
        return new SendingDraft(document.Id, document.Version, document.Type, document.Number, document.Language,
            await Recipients.ForAsync(db, document.ClientId, document.Type, ct),
            EmailTemplates.Fill(EmailTemplates.Get(document.Language, $"{document.Type}.Subject"), values),
            EmailTemplates.Fill(EmailTemplates.Get(document.Language, $"{document.Type}.Body"), values),
            DocumentFileName.For(document.Number, document.Id),
            EmailComposer.LinksFor(document, payments.Value));
    }

    /// <summary>Queues one email per recipient, all or nothing; returns how many were queued.</summary>
    public async Task<int> SendAsync(SendRequest request, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var subject = MailText.SingleLine(request.Subject);
        var body = (request.Body ?? string.Empty).Trim();
        var errors = new FieldErrors();
        if (subject.Length == 0) errors.Add(nameof(SendRequest.Subject), "Error.Required");
        else if (subject.Length > OutboxMessage.SubjectMax) errors.Add(nameof(SendRequest.Subject), $"Error.TooLong|{OutboxMessage.SubjectMax}");
        if (body.Length == 0) errors.Add(nameof(SendRequest.Body), "Error.Required");
        else if (body.Length > SendRequest.BodyMax) errors.Add(nameof(SendRequest.Body), $"Error.TooLong|{SendRequest.BodyMax}");
        if (request.Emails.Any(e => !EmailAddress.IsValid(e))) errors.Add(nameof(SendRequest.Emails), "Error.EmailInvalid");
        errors.ThrowIfAny();

        await using var db = dbs.CreateDbContext();
        var checkedDocument = await LoadSendableAsync(db, request.DocumentId, ct);
        if (checkedDocument.Version != request.ExpectedVersion) throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");
        var to = await ResolveRecipientsAsync(db, checkedDocument, request, ct);
        // Printing takes a while: done before the transaction, which then only writes.
        var pdf = await pdfs.GetAsync(checkedDocument.Id, ct) ?? throw new DomainException("Error.DocumentNotFound");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == request.DocumentId, ct);
        if (document.Version != request.ExpectedVersion) throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");
        var links = EmailComposer.LinksFor(document, payments.Value);
        foreach (var (email, name) in to)
        {
            mailer.Queue(db, document, MailKind.Document, email, name, subject, body, links, pdf, actor.UserId ?? actor.Name, now);
            db.Record(document.ClientId, HistoryKind.DocumentQueued, actor, now, $"{DocumentService.Label(document)} → {email}",
                new SendingData(document.Id, document.Type, document.Number, email, name));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Document, document.Id, actor.UserId, document.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, document.ClientId));
        return to.Count;
    }

    /// <summary>Every email of a document, newest first, with its delivery status and whether its link was opened.</summary>
    public async Task<IReadOnlyList<SendingRow>> SendingsAsync(long documentId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        // A message and its link are written in the same transaction, to the same address, at the same instant.
        return await (from m in db.Outbox.AsNoTracking()
                      where m.DocumentId == documentId
                      orderby m.Id descending
                      let link = db.PublicLinks.Where(l => l.DocumentId == documentId && l.RecipientEmail == m.ToAddress && l.CreatedAt == m.CreatedAt)
                          .OrderBy(l => l.Id).FirstOrDefault()
                      select new SendingRow(m.Id, m.Kind, m.ToAddress, m.ToName, m.CreatedAt, m.Status, m.SentAt, m.LastError,
                          link == null ? null : link.FirstViewedAt, link == null ? 0 : link.Views))
            .Take(100).ToListAsync(ct);
    }

    private static async Task<List<(string Email, string Name)>> ResolveRecipientsAsync(CrmDbContext db, Document document, SendRequest request, CancellationToken ct)
    {
        var options = await Recipients.ForAsync(db, document.ClientId, document.Type, ct);
        var to = new List<(string Email, string Name)>();
        foreach (var id in request.ContactIds.Distinct())
        {
            var option = options.FirstOrDefault(o => o.ClientId == id)
                ?? throw ValidationFailedException.For("Recipients", "Error.RecipientUnknown");
            to.Add((option.Email.Trim(), option.Name));
        }
        to.AddRange(request.Emails.Select(e => (e.Trim(), options.FirstOrDefault(o => string.Equals(o.Email, e.Trim(), StringComparison.OrdinalIgnoreCase))?.Name ?? string.Empty)));
        var distinct = to.DistinctBy(r => r.Email.ToLowerInvariant()).ToList();
        if (distinct.Count == 0) throw ValidationFailedException.For("Recipients", "Error.SendNoRecipients");
        return distinct;
    }

    private static async Task<Document> LoadSendableAsync(CrmDbContext db, long id, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainException("Error.DocumentNotFound");
        if (document.Status is DocumentStatus.Draft or DocumentStatus.Cancelled) throw new DomainException("Error.DocumentNotSendable");
        if (await db.Clients.AnyAsync(c => c.Id == document.ClientId && c.Status == ClientStatus.Archived, ct)) throw new DomainException("Error.ClientArchived");
        return document;
    }

    internal static async Task<(string Client, string Organisation)> NamesAsync(CrmDbContext db, Document document, CancellationToken ct) =>
        (await db.Clients.Where(c => c.Id == document.ClientId).Select(c => c.Name).SingleAsync(ct),
         await db.Settings.Select(s => s.CompanyName).SingleAsync(ct));

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
