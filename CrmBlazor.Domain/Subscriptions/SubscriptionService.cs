using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Subscriptions;

/// <summary>Staff create, list and end a client's subscriptions; ending is irreversible (DEA-4).</summary>
public sealed class SubscriptionService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<long> CreateAsync(long clientId, SubscriptionForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var status = await db.Clients.Where(c => c.Id == clientId).Select(c => (ClientStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        var rates = await db.TaxRates.Where(t => t.IsActive).ToDictionaryAsync(t => t.Id, t => t.Percent, ct);
        var subscription = Subscription.Create(clientId, form, rates, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        db.Record(clientId, HistoryKind.SubscriptionCreated, actor, now, subscription.Title,
            new SubscriptionData(subscription.Id, subscription.Title, subscription.Interval));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(subscription, actor);
        return subscription.Id;
    }

    public async Task<IReadOnlyList<SubscriptionRow>> ListAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var currency = await db.Clients.Where(c => c.Id == clientId).Select(c => c.Currency).SingleOrDefaultAsync(ct) ?? "EUR";
        var subscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.Lines).Where(s => s.ClientId == clientId)
            .OrderBy(s => s.Status).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var counts = await db.SubscriptionInvoices.Where(i => ids.Contains(i.SubscriptionId)).GroupBy(i => i.SubscriptionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return subscriptions.Select(s => new SubscriptionRow(s.Id, s.Title, s.Interval, s.StartDate, s.NextInvoiceDate, s.AutoSend, s.Status,
            s.EndedAt, s.EndedBy, s.NetPerPeriodMinor, currency, counts.GetValueOrDefault(s.Id), s.Version)).ToList();
    }

    /// <summary>Ends a subscription for good: no future invoice, no way back (DEA-4). Ending one already ended is refused.</summary>
    public async Task EndAsync(long id, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException("Error.SubscriptionNotFound");
        if (subscription.Status == SubscriptionStatus.Ended) throw new DomainException("Error.SubscriptionAlreadyEnded");
        if (subscription.Version != expectedVersion) throw new ConcurrencyConflictException("Error.SubscriptionChanged");
        subscription.End(now, actor.Name);
        db.Record(subscription.ClientId, HistoryKind.SubscriptionEnded, actor, now, subscription.Title,
            new SubscriptionData(subscription.Id, subscription.Title, subscription.Interval));
        await db.SaveCheckedAsync(ct, "Error.SubscriptionChanged");
        await PublishAsync(subscription, actor);
    }

    private async Task PublishAsync(Subscription subscription, Actor actor)
    {
        await feed.PublishAsync(new Change(Topics.Subscription, subscription.Id, actor.UserId, subscription.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, subscription.ClientId));
    }
}
