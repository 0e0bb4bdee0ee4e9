using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Mail;

/// <summary>How far behind the sender is: the oldest email queued and neither sent nor failed for good.</summary>
public static class OutboxBacklog
{
    public sealed record Oldest(DateTime QueuedAt, int Waiting);

    /// <summary>Null when nothing waits. Retrying emails count from when they were queued: a server down for hours shows.</summary>
    public static async Task<Oldest?> OldestUnsentAsync(CrmDbContextFactory dbs, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var unsent = db.Outbox.Where(m => m.Status == MailStatus.Queued || m.Status == MailStatus.Retrying || m.Status == MailStatus.Sending);
        var oldest = await unsent.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(ct);
        if (oldest is null) return null;
        var waiting = await unsent.Take(RowReadGuard.Limit).CountAsync(ct);
        return new Oldest(oldest.Value, waiting);
    }
}
