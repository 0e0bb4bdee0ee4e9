using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Documents;

/// <summary>Puts an invoice on hold (no automatic reminders, no payment) and releases it, invoice by invoice (DEA-3).</summary>
public sealed class DocumentHoldService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public Task HoldAsync(long id, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, hold: true, ct);

    public Task ReleaseAsync(long id, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, hold: false, ct);

    private async Task ChangeAsync(long id, long expectedVersion, bool hold, CancellationToken ct)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException("Error.DocumentNotFound");
        if (document.Version != expectedVersion) throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");
        if (document.OnHold == hold) return;
        if (hold) document.Hold(now);
        else document.Release(now);
        db.Record(document.ClientId, hold ? HistoryKind.DocumentHeld : HistoryKind.DocumentReleased, actor, now,
            DocumentService.Label(document), new HoldData(document.Id, document.Type, document.Number));
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await feed.PublishAsync(new Change(Topics.Document, document.Id, actor.UserId, document.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, document.ClientId));
    }
}
