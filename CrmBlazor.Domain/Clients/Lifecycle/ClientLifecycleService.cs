using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Lifecycle;

/// <summary>
/// Deactivating and reactivating a client (DEA-1..DEA-8). Each change is one transaction checked against
/// the version the page showed, so a colleague's edit in between is reported, never overwritten. Only the
/// client itself changes status: a company's contacts and a person's companies are left as they are (DEA-8).
/// </summary>
public sealed class ClientLifecycleService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<ClientStakes> StakesAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Status, c.Version }).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Error.ClientNotFound");
        var totals = await Outstanding(db, clientId).GroupBy(d => d.Currency)
            .Select(g => new { Currency = g.Key, Count = g.Count(), Amount = g.Sum(d => d.TotalMinor - d.PaidMinor) })
            .OrderBy(g => g.Currency).ToListAsync(ct);
        var subscriptions = await Active(db, clientId).OrderBy(s => s.Id)
            .Select(s => new SubscriptionStake(s.Id, s.Title, s.Interval, s.NextInvoiceDate)).ToListAsync(ct);
        return new ClientStakes(clientId, client.Status, client.Version, totals.Sum(t => t.Count),
            totals.Select(t => new MoneyTotal(t.Currency, t.Amount)).ToList(), subscriptions);
    }

    /// <summary>Deactivates the client and, as chosen, holds its outstanding invoices and ends its active subscriptions, all or nothing.</summary>
    public async Task DeactivateAsync(long clientId, long expectedVersion, bool holdInvoices, bool endSubscriptions, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var client = await LoadAsync(db, clientId, expectedVersion, ct);
        if (client.Status != ClientStatus.Active) throw new DomainException("Error.ClientNotActive");
        client.Deactivate(now);

        var held = holdInvoices ? await OutstandingInPagesAsync(db, clientId, ct) : [];
        foreach (var invoice in held)
        {
            invoice.Hold(now);
            db.Record(clientId, HistoryKind.DocumentHeld, actor, now, DocumentService.Label(invoice), new HoldData(invoice.Id, invoice.Type, invoice.Number));
        }
        var ended = endSubscriptions ? await Active(db, clientId).OrderBy(s => s.Id).ToListAsync(ct) : [];
        foreach (var subscription in ended)
        {
            subscription.End(now, actor.Name);
            db.Record(clientId, HistoryKind.SubscriptionEnded, actor, now, subscription.Title,
                new SubscriptionData(subscription.Id, subscription.Title, subscription.Interval));
        }
        db.Record(clientId, HistoryKind.ClientDeactivated, actor, now, string.Empty,
            new DeactivationData(holdInvoices, endSubscriptions, held.Select(DocumentService.Label).ToList(), ended.Select(s => s.Title).ToList()));
        // One SaveChanges, one transaction. The client's and the invoices' versions are concurrency tokens:
        // a colleague's change to any of them since they were read makes the whole save fail and be explained.
        await db.SaveCheckedAsync(ct, "Error.ClientChangedMeanwhile");

        await feed.PublishAsync(new Change(Topics.Client, clientId, actor.UserId, clientId));
        foreach (var invoice in held) await feed.PublishAsync(new Change(Topics.Document, invoice.Id, actor.UserId, clientId));
        foreach (var subscription in ended) await feed.PublishAsync(new Change(Topics.Subscription, subscription.Id, actor.UserId, clientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, clientId));
    }

    /// <summary>Makes the client active again (DEA-6): holds stay, ended subscriptions stay ended.</summary>
    public async Task ReactivateAsync(long clientId, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var client = await LoadAsync(db, clientId, expectedVersion, ct);
        client.Reactivate(now);
        var onHold = await db.Documents.CountAsync(d => d.ClientId == clientId && d.OnHold, ct);
        var endedCount = await db.Subscriptions.CountAsync(s => s.ClientId == clientId && s.Status == SubscriptionStatus.Ended, ct);
        db.Record(clientId, HistoryKind.ClientReactivated, actor, now, string.Empty, new ReactivationData(onHold, endedCount));
        await db.SaveCheckedAsync(ct, "Error.ClientChangedMeanwhile");
        await feed.PublishAsync(new Change(Topics.Client, clientId, actor.UserId, clientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, clientId));
    }

    /// <summary>Releases every hold of the client's invoices at once (DEA-3); returns how many were released.</summary>
    public async Task<int> ReleaseHoldsAsync(long clientId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var held = await db.Documents.Where(d => d.ClientId == clientId && d.OnHold).OrderBy(d => d.Id).Take(RowLimit).ToListAsync(ct);
        foreach (var invoice in held)
        {
            invoice.Release(now);
            db.Record(clientId, HistoryKind.DocumentReleased, actor, now, DocumentService.Label(invoice), new HoldData(invoice.Id, invoice.Type, invoice.Number));
        }
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        foreach (var invoice in held) await feed.PublishAsync(new Change(Topics.Document, invoice.Id, actor.UserId, clientId));
        if (held.Count > 0) await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, clientId));
        return held.Count;
    }

    public async Task<int> HeldCountAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Documents.CountAsync(d => d.ClientId == clientId && d.OnHold, ct);
    }

    /// <summary>Who deactivated the client, when and with which choices (DEA-5); null when it is not inactive.</summary>
    public async Task<DeactivationInfo?> DeactivationAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        if (!await db.Clients.AnyAsync(c => c.Id == clientId && c.Status == ClientStatus.Inactive, ct)) return null;
        var last = await db.History.AsNoTracking().Where(h => h.ClientId == clientId && h.Kind == HistoryKind.ClientDeactivated)
            .OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        if (last is null) return null;
        return new DeactivationInfo(last.ActorName, last.At, last.Data is null ? null : JsonSerializer.Deserialize<DeactivationData>(last.Data));
    }

    /// <summary>Rows read per query (the row guard's limit); "Release all holds" releases this many per click.</summary>
    private const int RowLimit = 500;

    private static async Task<Client> LoadAsync(CrmDbContext db, long clientId, long expectedVersion, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct) ?? throw new DomainException("Error.ClientNotFound");
        if (client.Version != expectedVersion) throw new ConcurrencyConflictException("Error.ClientChangedMeanwhile");
        return client;
    }

    /// <summary>All of them, read <see cref="RowLimit"/> at a time: a client with thousands of unpaid invoices is rare but must not fail.</summary>
    private static async Task<List<Document>> OutstandingInPagesAsync(CrmDbContext db, long clientId, CancellationToken ct)
    {
        var all = new List<Document>();
        while (true)
        {
            var after = all.Count == 0 ? 0 : all[^1].Id;
            var page = await Outstanding(db, clientId).Where(d => d.Id > after).OrderBy(d => d.Id).Take(RowLimit).ToListAsync(ct);
            all.AddRange(page);
            if (page.Count < RowLimit) return all;
        }
    }

    private static IQueryable<Document> Outstanding(CrmDbContext db, long clientId) =>
        db.Documents.Where(d => d.ClientId == clientId && d.Type == DocumentType.Invoice && !d.OnHold && DocumentStatuses.Unpaid.Contains(d.Status));

    private static IQueryable<Subscription> Active(CrmDbContext db, long clientId) =>
        db.Subscriptions.Where(s => s.ClientId == clientId && s.Status == SubscriptionStatus.Active);
}
