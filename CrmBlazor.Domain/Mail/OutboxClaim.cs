using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Takes due messages for one sender in one statement: queued or retrying ones whose time has come, and
/// "sending" ones whose claim has run out (their sender died). They become Sending with a lease until
/// <c>leaseUntil</c>, and only the ids this statement changed come back, so two senders (two app
/// instances) never hold the same message. SQLite runs one writer at a time; PostgreSQL skips rows
/// another sender has locked.
/// </summary>
internal static class OutboxClaim
{
    public static async Task<List<long>> ClaimAsync(CrmDbContext db, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken ct)
    {
        const int queued = (int)MailStatus.Queued, sending = (int)MailStatus.Sending, retrying = (int)MailStatus.Retrying;
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        // Only integer constants are spliced in; the values are parameters.
        // In a transaction begun before the statement: on SQLite that is BEGIN IMMEDIATE, which waits for the write
        // lock up front; a plain statement would take a read lock first and fail with "database is locked" when two
        // senders try to upgrade at once.
        // A caller's own transaction (seeding, tests) is used as it is.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
#pragma warning disable EF1002
        var ids = await db.Database.SqlQueryRaw<long>(
            $$"""
            UPDATE "Outbox" SET "Status" = {{sending}}, "LockedUntil" = {0}
            WHERE "Id" IN (
                SELECT "Id" FROM "Outbox"
                WHERE ("Status" IN ({{queued}}, {{retrying}}) AND "NextAttemptAt" <= {1})
                   OR ("Status" = {{sending}} AND "LockedUntil" <= {1})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT {2}
                {{skipLocked}})
            RETURNING "Id" AS "Value"
            """,
            leaseUntil, now, batchSize).ToListAsync(ct);
#pragma warning restore EF1002
        if (tx is not null) await tx.CommitAsync(ct);
        return ids;
    }
}
