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

namespace CrmBlazor.Domain.Reminders;

public sealed record ReminderRun(int Sent, int NoRecipient, int LostRace, int Failed);

/// <summary>
/// Automatic payment reminders for overdue invoices (never on hold, paid or cancelled), through the
/// outbox, one transaction per invoice. Runs as the system; two instances may run at once: the unique
/// (invoice, level) row is written first, so the loser of a race rolls back and sends nothing.
/// </summary>
public sealed class ReminderService(
    CrmDbContextFactory dbs, ChangeFeed feed, DocumentMailer mailer, IDocumentPdfSource pdfs,
    IOptions<PaymentOptions> payments, ILogger<ReminderService> logger)
{
    private const int Batch = 100;

    public async Task<ReminderRun> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(now);
        int[] days;
        await using (var db = dbs.CreateDbContext())
        {
            var settings = await db.Settings.AsNoTracking().Select(s => new { s.RemindersEnabled, s.ReminderDays }).SingleAsync(ct);
            days = settings.RemindersEnabled ? ReminderLevels.Parse(settings.ReminderDays) : [];
        }
        var run = new ReminderRun(0, 0, 0, 0);
        if (days.Length == 0) return run;

        var cutoff = today.AddDays(-days[0]);
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var db = dbs.CreateDbContext())
            {
                ids = await Overdue(db, cutoff, days.Length).Where(d => d.Id > after).OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
            }
            foreach (var id in ids) run = Add(run, await RemindAsync(id, days, now, ct));
            if (ids.Count < Batch) return run;
            after = ids[^1];
        }
    }

    private static IQueryable<Document> Overdue(CrmDbContext db, DateOnly cutoff, int levels) =>
        db.Documents.AsNoTracking().Where(d => d.Type == DocumentType.Invoice && DocumentStatuses.Unpaid.Contains(d.Status) && !d.OnHold
            && d.DueDate != null && d.DueDate <= cutoff && db.RemindersSent.Count(r => r.DocumentId == d.Id) < levels);

    private enum Outcome { Nothing, Sent, NoRecipient, LostRace, Failed }

    private async Task<Outcome> RemindAsync(long id, int[] days, DateTime now, CancellationToken ct)
    {
        try
        {
            await using var db = dbs.CreateDbContext();
            var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            if (document.OnHold || !DocumentStatuses.Unpaid.Contains(document.Status) || document.DueDate is not { } due) return Outcome.Nothing;
            var sent = await db.RemindersSent.Where(r => r.DocumentId == id).Select(r => new { r.Level, r.SentAt }).ToListAsync(ct);
            if (ReminderSchedule.NextDue(days, due, sent.Select(s => (s.Level, s.SentAt)).ToList(), DateOnly.FromDateTime(now)) is not { } level)
                return Outcome.Nothing;

            var to = (await Recipients.ForAsync(db, document.ClientId, document.Type, ct)).Where(r => r.Preselected).ToList();
            var pdf = to.Count > 0 ? await pdfs.GetAsync(id, ct) ?? throw new InvalidOperationException($"No PDF for document {id}") : null;
            var (client, organisation) = await DocumentSendingService.NamesAsync(db, document, ct);
            var values = EmailTemplates.Values(document, client, organisation, DateOnly.FromDateTime(now));
            var subject = EmailTemplates.Fill(EmailTemplates.Get(document.Language, "Reminder.Subject"), values);
            var body = EmailTemplates.Fill(EmailTemplates.Get(document.Language, "Reminder.Body"), values);
            var links = EmailComposer.LinksFor(document, payments.Value).Where(k => k is LinkKind.View or LinkKind.Pay).ToList();

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // First write of the transaction: a parallel run that got here first makes this fail, before any email is queued.
            db.RemindersSent.Add(new ReminderSent(id, level, now, to.Count));
            await db.SaveChangesAsync(ct);
            foreach (var r in to)
                mailer.Queue(db, document, MailKind.Reminder, r.Email, r.Name, subject, body, links, pdf!, Actor.System.Name, now);
            var data = new ReminderData(document.Id, document.Type, document.Number, level, to.Select(r => r.Email).ToList());
            db.Record(document.ClientId, to.Count > 0 ? HistoryKind.ReminderQueued : HistoryKind.ReminderNotSent, Actor.System, now,
                $"{DocumentService.Label(document)} #{level}", data);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            await feed.PublishAsync(new Change(Topics.Document, document.Id, null, document.ClientId));
            await feed.PublishAsync(new Change(Topics.History, null, null, document.ClientId));
            return to.Count > 0 ? Outcome.Sent : Outcome.NoRecipient;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.ReminderPerLevel))
        {
            return Outcome.LostRace;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One invoice that cannot be printed or saved must not stop the others; the next run tries again.
            logger.LogError(ex, "Payment reminder for document {DocumentId} failed", id);
            return Outcome.Failed;
        }
    }

    private static ReminderRun Add(ReminderRun run, Outcome outcome) => outcome switch
    {
        Outcome.Sent => run with { Sent = run.Sent + 1 },
        Outcome.NoRecipient => run with { NoRecipient = run.NoRecipient + 1 },
        Outcome.LostRace => run with { LostRace = run.LostRace + 1 },
        Outcome.Failed => run with { Failed = run.Failed + 1 },
        _ => run,
    };
}
