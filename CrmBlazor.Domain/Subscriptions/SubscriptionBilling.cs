using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Subscriptions;

public sealed record BillingRun(int Invoiced, int Queued, int LostRace, int Failed);

/// <summary>
/// Makes the invoices of due subscription periods, as the system. Each period is one transaction whose
/// first write is its unique (subscription, period) row, so two instances never invoice a period twice;
/// missed periods are invoiced one by one, in order (catch-up after downtime). Invoices of auto-sent
/// subscriptions are issued and then queued in the outbox to the contacts whose Invoice notification is on;
/// the others are left as drafts.
/// </summary>
public sealed class SubscriptionBilling(
    CrmDbContextFactory dbs, ChangeFeed feed, DocumentMailer mailer, IDocumentPdfSource pdfs,
    IOptions<PaymentOptions> payments, ILogger<SubscriptionBilling> logger)
{
    private const int Batch = 100;
    /// <summary>A bound on one subscription's catch-up in one run (100 years of monthly periods would be 1,200).</summary>
    private const int MaxPeriodsPerRun = 1200;

    public async Task<BillingRun> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(now);
        var run = new BillingRun(0, 0, 0, 0);
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var db = dbs.CreateDbContext())
            {
                ids = await db.Subscriptions.AsNoTracking()
                    .Where(s => s.Status == SubscriptionStatus.Active && s.NextInvoiceDate <= today && s.Id > after)
                    .OrderBy(s => s.Id).Select(s => s.Id).Take(Batch).ToListAsync(ct);
            }
            foreach (var id in ids)
                for (var i = 0; i < MaxPeriodsPerRun; i++)
                {
                    var outcome = await BillNextPeriodAsync(id, now, ct);
                    run = Add(run, outcome);
                    if (outcome is Outcome.Nothing or Outcome.Failed) break;
                }
            if (ids.Count < Batch) break;
            after = ids[^1];
        }
        // The outbox worker picks the queued emails up at its next poll, as it does for payment reminders.
        var queued = await QueuePendingMailAsync(now, ct);
        return run with { Queued = queued };
    }

    private enum Outcome { Nothing, Invoiced, LostRace, Failed }

    private async Task<Outcome> BillNextPeriodAsync(long id, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        try
        {
            await using var db = dbs.CreateDbContext();
            var subscription = await db.Subscriptions.Include(s => s.Lines).SingleAsync(s => s.Id == id, ct);
            if (!subscription.IsDue(today)) return Outcome.Nothing;
            var client = await db.Clients.AsNoTracking().Where(c => c.Id == subscription.ClientId)
                .Select(c => new { c.Language, c.Currency, c.Status }).SingleAsync(ct);
            // An archived client cannot get documents; its periods wait (and are billed if it is restored).
            if (client.Status == ClientStatus.Archived) return Outcome.Nothing;
            var (start, end) = subscription.NextPeriod();
            var terms = await db.Settings.Select(s => s.PaymentTermDays).SingleAsync(ct);
            var rates = await db.TaxRates.ToDictionaryAsync(t => t.Id, t => t.Percent, ct);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // First write: a parallel run that got here first makes this fail before any invoice exists.
            var period = new SubscriptionInvoice(id, start, subscription.AutoSend, now);
            db.SubscriptionInvoices.Add(period);
            await db.SaveChangesAsync(ct);

            var form = new DocumentForm
            {
                Type = DocumentType.Invoice, ClientId = subscription.ClientId, Language = client.Language, Currency = client.Currency,
                IssueDate = today, DueDate = today.AddDays(terms),
                Notes = $"{subscription.Title}: {start:yyyy-MM-dd} – {end:yyyy-MM-dd}",
                Lines = subscription.Lines.OrderBy(l => l.Position).Select(l => l.ToInput()).ToList(),
            };
            var document = Document.CreateDraft(form, rates, now);
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            // Auto-sent invoices are issued (numbered) now; the others wait as drafts for staff to check, issue and send.
            string? number = null;
            if (subscription.AutoSend)
            {
                var sequence = await DocumentNumbering.NextAsync(db, DocumentType.Invoice, now.Year, ct);
                var prefix = await db.Settings.Select(s => s.PrefixFor(DocumentType.Invoice)).SingleAsync(ct);
                number = DocumentNumbering.Format(prefix, now.Year, sequence);
                document.Issue(number, now.Year, sequence, now);
            }
            period.Invoiced(document.Id);
            subscription.MarkPeriodInvoiced();
            db.Record(subscription.ClientId, HistoryKind.SubscriptionInvoiced, Actor.System, now, $"{subscription.Title} → {DocumentService.Label(document)}",
                new SubscriptionInvoicedData(id, subscription.Title, start, end, document.Id, number));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            await feed.PublishAsync(new Change(Topics.Document, document.Id, null, subscription.ClientId));
            await feed.PublishAsync(new Change(Topics.Subscription, id, null, subscription.ClientId));
            await feed.PublishAsync(new Change(Topics.History, null, null, subscription.ClientId));
            return Outcome.Invoiced;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Ended or billed by another instance meanwhile: nothing was written; look again.
            return Outcome.LostRace;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.SubscriptionInvoicePerPeriod))
        {
            return Outcome.LostRace;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Billing subscription {SubscriptionId} failed", id);
            return Outcome.Failed;
        }
    }

    /// <summary>Queues the emails of auto-sent subscription invoices not queued yet (also after a crash between issuing and queueing).</summary>
    private async Task<int> QueuePendingMailAsync(DateTime now, CancellationToken ct)
    {
        List<long> pending;
        await using (var db = dbs.CreateDbContext())
        {
            pending = await db.SubscriptionInvoices.AsNoTracking()
                .Where(i => i.AutoSend && i.MailQueuedAt == null && i.DocumentId != null)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(500).ToListAsync(ct);
        }
        var queued = 0;
        foreach (var id in pending)
        {
            try
            {
                queued += await QueueMailAsync(id, now, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queueing the email of subscription invoice {Id} failed", id);
            }
        }
        return queued;
    }

    private async Task<int> QueueMailAsync(long periodId, DateTime now, CancellationToken ct)
    {
        await using var db = dbs.CreateDbContext();
        var documentId = await db.SubscriptionInvoices.Where(i => i.Id == periodId).Select(i => i.DocumentId!.Value).SingleAsync(ct);
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, ct);
        var to = (await Recipients.ForAsync(db, document.ClientId, document.Type, ct)).Where(r => r.Preselected).ToList();
        // Printing takes a while: done before the transaction, which then only writes.
        var pdf = to.Count > 0 ? await pdfs.GetAsync(documentId, ct) ?? throw new InvalidOperationException($"No PDF for document {documentId}") : null;
        var (clientName, organisation) = await DocumentSendingService.NamesAsync(db, document, ct);
        var values = EmailTemplates.Values(document, clientName, organisation, DateOnly.FromDateTime(now));
        var subject = EmailTemplates.Fill(EmailTemplates.Get(document.Language, $"{document.Type}.Subject"), values);
        var body = EmailTemplates.Fill(EmailTemplates.Get(document.Language, $"{document.Type}.Body"), values);
        var links = EmailComposer.LinksFor(document, payments.Value);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // First write: only one run claims the period's emails.
        var claimed = await db.SubscriptionInvoices.Where(i => i.Id == periodId && i.MailQueuedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.MailQueuedAt, now), ct);
        if (claimed == 0) return 0;
        foreach (var r in to)
        {
            mailer.Queue(db, document, MailKind.Document, r.Email, r.Name, subject, body, links, pdf!, Actor.System.Name, now);
            db.Record(document.ClientId, HistoryKind.DocumentQueued, Actor.System, now, $"{DocumentService.Label(document)} → {r.Email}",
                new SendingData(document.Id, document.Type, document.Number, r.Email, r.Name));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new Change(Topics.Document, document.Id, null, document.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, null, document.ClientId));
        return to.Count;
    }

    private static BillingRun Add(BillingRun run, Outcome outcome) => outcome switch
    {
        Outcome.Invoiced => run with { Invoiced = run.Invoiced + 1 },
        Outcome.LostRace => run with { LostRace = run.LostRace + 1 },
        Outcome.Failed => run with { Failed = run.Failed + 1 },
        _ => run,
    };
}
