using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Delivers the outbox (SND-7): claims a batch of due messages, sends them over one connection and
/// records each outcome as soon as it is known. A message is Sent only after the server (or the pickup
/// folder) accepted it; a refusal is Retrying with the reason and a backoff, or Failed at once when it
/// is permanent. If the process dies between the server's "OK" and the record, the claim runs out and
/// the message goes again with the same Message-ID: delivery is at least once, and a receiver can drop
/// the duplicate by its Message-ID.
/// </summary>
public sealed class OutboxSender(
    CrmDbContextFactory dbs, IMailTransport transport, MailOptions options, ChangeFeed feed, TimeProvider clock, ILogger<OutboxSender> logger)
{
    /// <summary>No message starts when less than this is left of the claim: a send can take up to the SMTP timeout.</summary>
    private TimeSpan SafetyMargin => options.Smtp.Timeout * 2;

    /// <summary>Sends one batch of due messages; returns how many it claimed (0: nothing was due).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = Now();
        // Stopping: claim nothing more.
        if (ct.IsCancellationRequested || now < PausedUntil) return 0;
        var leaseUntil = now + options.Lease;
        await using var db = dbs.CreateDbContext();
        var ids = await OutboxClaim.ClaimAsync(db, now, leaseUntil, Math.Clamp(options.BatchSize, 1, RowReadGuard.Limit), ct);
        if (ids.Count == 0) return 0;
        await feed.PublishAsync(new Change(Topics.Mail, null));

        var messages = await db.Outbox.Include(m => m.Attachments).Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(CancellationToken.None);
        IMailConnection connection;
        try
        {
            connection = await transport.OpenAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped before the first message: give the whole batch back for another instance or the next start.
            await ReleaseAsync(db, messages, Now());
            return messages.Count;
        }
        await using var _ = connection;
        // The record of one message is written while the next one is sent: the database's commit and the
        // server's round trips overlap. Each record is awaited before the next outcome is recorded.
        var recording = Task.CompletedTask;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (ct.IsCancellationRequested || Now() + SafetyMargin > leaseUntil)
                {
                    await recording;
                    await ReleaseAsync(db, messages.Skip(i), Now());
                    break;
                }
                var message = messages[i];
                // A stop asked for now lets the message in flight finish (at most the SMTP timeout) rather than leave its
                // outcome unknown; the ones after it are given back at the top of the next round.
                var failure = await DeliverAsync(connection, message, CancellationToken.None);
                await recording;
                if (failure is null)
                {
                    recording = RecordSentAsync(db, message);
                    continue;
                }
                await RecordFailureAsync(db, message, failure);
                if (failure.Failure == MailFailure.Unavailable)
                {
                    // The server is gone: the rest of the batch, and the batches after it, wait for the same retry
                    // instead of each spending an attempt on a server that is known to be down.
                    var retryAt = message.Status == MailStatus.Retrying ? message.NextAttemptAt : Now();
                    PausedUntil = retryAt;
                    await ReleaseAsync(db, messages.Skip(i + 1), retryAt);
                    break;
                }
            }
        }
        finally
        {
            await recording;
        }
        return messages.Count;
    }

    /// <summary>When the next queued or retrying message falls due (null: none waits).</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var next = await db.Outbox.Where(m => m.Status == MailStatus.Queued || m.Status == MailStatus.Retrying)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        return next is { } due && due < PausedUntil ? PausedUntil : next;
    }

    private long _pausedUntilTicks;

    /// <summary>After the server could not be reached, this sender claims nothing before the retry time.</summary>
    private DateTime PausedUntil
    {
        get => new(Volatile.Read(ref _pausedUntilTicks), DateTimeKind.Utc);
        set => Volatile.Write(ref _pausedUntilTicks, value.Ticks);
    }

    /// <summary>Null when the message was accepted; the reason otherwise.</summary>
    private async Task<MailDeliveryException?> DeliverAsync(IMailConnection connection, OutboxMessage message, CancellationToken ct)
    {
        MimeKit.MimeMessage mime;
        try
        {
            mime = OutboxMime.Build(message, options);
        }
        catch (MailDeliveryException ex)
        {
            return Logged(message, ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or MimeKit.ParseException)
        {
            return Logged(message, new MailDeliveryException(MailFailure.Permanent, $"The message cannot be built: {ex.Message}", ex));
        }
        try
        {
            await connection.SendAsync(mime, ct);
            return null;
        }
        catch (MailDeliveryException ex)
        {
            return Logged(message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever else went wrong, the message may or may not have arrived: try again later.
            return Logged(message, new MailDeliveryException(MailFailure.Unavailable, ex.Message, ex));
        }
    }

    private MailDeliveryException Logged(OutboxMessage message, MailDeliveryException failure)
    {
        logger.LogWarning("Outbox message {Id} to {To} not delivered ({Failure}): {Reason}", message.Id, message.ToAddress, failure.Failure, failure.Message);
        return failure;
    }

    private async Task RecordSentAsync(CrmDbContext db, OutboxMessage message)
    {
        var now = Now();
        message.MarkSent(now);
        var document = message.DocumentId is { } documentId ? await db.Documents.FindAsync(documentId) : null;
        document?.MarkSent(now);
        var entry = Record(db, message, HistoryKind.MailSent, null, now);
        await SaveAsync(db, document, d => d.MarkSent(now));
        await PublishAsync(message, entry, document is not null);
    }

    private async Task RecordFailureAsync(CrmDbContext db, OutboxMessage message, MailDeliveryException failure)
    {
        var now = Now();
        message.MarkAttemptFailed(MailText.SingleLine(failure.Message), failure.Failure == MailFailure.Permanent, now,
            options.MaxAttempts, options.BackoffAfter(message.Attempts + 1));
        var entry = message.Status == MailStatus.Failed ? Record(db, message, HistoryKind.MailFailed, message.LastError, now) : null;
        await SaveAsync(db, null, null);
        await PublishAsync(message, entry, false);
    }

    private async Task ReleaseAsync(CrmDbContext db, IEnumerable<OutboxMessage> untried, DateTime nextAttemptAt)
    {
        var released = untried.ToList();
        if (released.Count == 0) return;
        foreach (var message in released) message.Release(nextAttemptAt);
        await SaveAsync(db, null, null);
        await feed.PublishAsync(new Change(Topics.Mail, null));
    }

    /// <summary>Sent and failed emails go into the client's history (SND-6), one line per recipient.</summary>
    private static HistoryEvent? Record(CrmDbContext db, OutboxMessage message, HistoryKind kind, string? error, DateTime now) =>
        message.ClientId is { } clientId
            ? db.Record(clientId, kind, Actor.System, now, message.Subject,
                new MailHistoryData(message.Id, message.ToAddress, message.Subject, message.DocumentId, error))
            : null;

    /// <summary>
    /// Saves with the outcome never lost to a colleague editing the document at the same moment: the
    /// document is read again and marked again (its version token decides), the outbox row is saved with it.
    /// </summary>
    private static async Task SaveAsync(CrmDbContext db, Documents.Document? document, Action<Documents.Document>? redo)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (document is not null && redo is not null && attempt < 5)
            {
                await db.Entry(document).ReloadAsync(CancellationToken.None);
                redo(document);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 5 or 6 } && attempt < 5)
            {
                // SQLite's one writer is busy (a long write elsewhere): the outcome is known, so wait and record it.
                await Task.Delay(100 * attempt);
            }
        }
    }

    private async Task PublishAsync(OutboxMessage message, HistoryEvent? entry, bool documentChanged)
    {
        await feed.PublishAsync(new Change(Topics.Mail, message.Id, null, message.ClientId));
        if (documentChanged) await feed.PublishAsync(new Change(Topics.Document, message.DocumentId, null, message.ClientId));
        if (entry is not null) await feed.PublishAsync(new Change(Topics.History, entry.Id, null, message.ClientId));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What a "mail sent" or "mail failed" history line is about.</summary>
public sealed record MailHistoryData(long MessageId, string To, string Subject, long? DocumentId, string? Error);
