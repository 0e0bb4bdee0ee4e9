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
#pragma warning disable EF1002
        return await db.Database.SqlQueryRaw<long>(
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
    }
}
