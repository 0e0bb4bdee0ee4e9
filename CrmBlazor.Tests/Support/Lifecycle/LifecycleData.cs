using CrmBlazor.Domain.Clients.Lifecycle;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Lifecycle;

/// <summary>Subscriptions and deactivation data for tests.</summary>
public static class LifecycleData
{
    public static ClientLifecycleService Lifecycle(this DomainHost host) => host.Get<ClientLifecycleService>();

    public static SubscriptionService Subscriptions(this DomainHost host) => host.Get<SubscriptionService>();

    public static async Task<SubscriptionForm> SubscriptionFormAsync(this DomainHost host, string title = "Mantenimiento mensual",
        SubscriptionInterval interval = SubscriptionInterval.Monthly, bool autoSend = false, DateOnly? start = null) => new()
    {
        Title = title, Interval = interval, AutoSend = autoSend,
        StartDate = start ?? DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime),
        Lines = [new LineInput { Description = "Amarre", Quantity = 1, Unit = "mes", UnitPriceMinor = 250_00, TaxRateId = await host.RateAsync(21m) }],
    };

    public static async Task<long> SubscribeAsync(this DomainHost host, long clientId, string title = "Mantenimiento mensual",
        SubscriptionInterval interval = SubscriptionInterval.Monthly, bool autoSend = false) =>
        await host.Subscriptions().CreateAsync(clientId, await host.SubscriptionFormAsync(title, interval, autoSend));

    public static async Task<long> VersionOfAsync(this DomainHost host, long clientId)
    {
        await using var db = host.Db();
        return await db.Clients.Where(c => c.Id == clientId).Select(c => c.Version).SingleAsync();
    }

    public static async Task<Subscription> SubscriptionAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    /// <summary>The period starts invoiced for a subscription, in order, and their invoices' numbers.</summary>
    public static async Task<List<(DateOnly Period, string? Number)>> InvoicedAsync(this DomainHost host, long subscriptionId)
    {
        await using var db = host.Db();
        return (await (from p in db.SubscriptionInvoices
                       join d in db.Documents on p.DocumentId equals d.Id
                       where p.SubscriptionId == subscriptionId
                       orderby p.PeriodStart
                       select new { p.PeriodStart, d.Number }).ToListAsync()).Select(x => (x.PeriodStart, (string?)x.Number)).ToList();
    }

    public static async Task<bool> OnHoldAsync(this DomainHost host, long documentId)
    {
        await using var db = host.Db();
        return await db.Documents.Where(d => d.Id == documentId).Select(d => d.OnHold).SingleAsync();
    }
}
