using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Lifecycle;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Clients.Lifecycle;

/// <summary>Subscription billing: one invoice per period, catch-up, no duplicates with parallel runs, ended never bills (DEA-4), auto-send.</summary>
public class SubscriptionBillingTests
{
    private static Task<BillingRun> RunAsync(DomainHost host) => host.Get<SubscriptionBilling>().RunAsync(host.Clock.GetUtcNow().UtcDateTime);

    private static void AdvanceTo(DomainHost host, DateOnly day) =>
        host.Clock.Advance(day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) - host.Clock.GetUtcNow().UtcDateTime);

    private static DateOnly Today(DomainHost host) => DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_one_invoice_per_period_on_its_day_and_none_before_left_as_draft_when_not_sent_automatically(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var start = Today(host); // 2026-11-26
        var id = await host.SubscribeAsync(company);

        await RunAsync(host);
        await RunAsync(host);
        AdvanceTo(host, start.AddMonths(1).AddDays(-1));
        await RunAsync(host);
        Assert.Equal([start], (await host.InvoicedAsync(id)).Select(p => p.Period));
        AdvanceTo(host, start.AddMonths(1));
        await RunAsync(host);
        await RunAsync(host);

        var invoiced = await host.InvoicedAsync(id);
        Assert.Equal([start, start.AddMonths(1)], invoiced.Select(p => p.Period));
        // Not sent automatically: drafts that wait for staff, so no number is taken from the series yet.
        Assert.Equal([null, null], invoiced.Select(p => p.Number));
        await using var db = host.Db();
        var invoice = await db.Documents.Include(d => d.Lines).Where(d => d.ClientId == company).OrderBy(d => d.Id).FirstAsync();
        Assert.Equal((DocumentType.Invoice, DocumentStatus.Draft, 302_50L), (invoice.Type, invoice.Status, invoice.TotalMinor));
        Assert.Equal("Mantenimiento mensual: 2026-11-26 – 2026-12-25", invoice.Notes);
        Assert.Equal(start.AddMonths(2), (await host.SubscriptionAsync(id)).NextInvoiceDate);
        Assert.Equal(2, await db.History.CountAsync(h => h.ClientId == company && h.Kind == HistoryKind.SubscriptionInvoiced && h.ActorName == Actor.System.Name));
        Assert.Empty(await host.OutboxAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_invoices_of_an_auto_sent_subscription_are_issued_with_the_next_numbers(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var start = Today(host);
        var id = await host.SubscribeAsync(company, autoSend: true);

        AdvanceTo(host, start.AddMonths(1));
        await RunAsync(host);

        Assert.Equal(["INV-2026-0001", "INV-2026-0002"], (await host.InvoicedAsync(id)).Select(p => p.Number));
        await using var db = host.Db();
        Assert.All(await db.Documents.Where(d => d.ClientId == company).ToListAsync(), d => Assert.Equal(DocumentStatus.Issued, d.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_after_downtime_each_missed_period_gets_one_invoice_in_order(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var start = Today(host);
        var monthly = await host.SubscribeAsync(company, autoSend: true);
        var quarterly = await host.SubscribeAsync(company, "Seguro", SubscriptionInterval.Quarterly);

        AdvanceTo(host, start.AddMonths(7).AddDays(3));
        var run = await RunAsync(host);
        await RunAsync(host);

        Assert.Equal(8 + 3, run.Invoiced);
        Assert.Equal(Enumerable.Range(0, 8).Select(m => start.AddMonths(m)), (await host.InvoicedAsync(monthly)).Select(p => p.Period));
        Assert.Equal([start, start.AddMonths(3), start.AddMonths(6)], (await host.InvoicedAsync(quarterly)).Select(p => p.Period));
        // Numbers follow the periods' order within each subscription.
        var numbers = (await host.InvoicedAsync(monthly)).Select(p => p.Number!).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_two_runs_in_parallel_never_invoice_a_period_twice(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var start = Today(host);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await host.SubscribeAsync(company, $"Amarre {i}", autoSend: true));
        AdvanceTo(host, start.AddMonths(2));
        var now = host.Clock.GetUtcNow().UtcDateTime;

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => ActivatorUtilities.CreateInstance<SubscriptionBilling>(host.Services).RunAsync(now))));

        Assert.Equal(9, runs.Sum(r => r.Invoiced));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        foreach (var id in ids)
            Assert.Equal([start, start.AddMonths(1), start.AddMonths(2)], (await host.InvoicedAsync(id)).Select(p => p.Period));
        await using var db = host.Db();
        Assert.Equal(9, await db.Documents.CountAsync(d => d.Type == DocumentType.Invoice));
        // One email per invoice (one recipient): none queued twice either.
        Assert.Equal(9, await db.Outbox.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_an_ended_subscription_never_bills_again(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var start = Today(host);
        var id = await host.SubscribeAsync(company);
        await RunAsync(host);
        await host.Subscriptions().EndAsync(id, (await host.SubscriptionAsync(id)).Version);

        AdvanceTo(host, start.AddYears(2));
        var run = await RunAsync(host);

        Assert.Equal(0, run.Invoiced);
        Assert.Equal([start], (await host.InvoicedAsync(id)).Select(p => p.Period));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_auto_send_queues_the_invoice_to_the_contacts_with_the_invoice_toggle_on_once(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, people) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null), ("Bruno", n => n.Invoice = false));
        var id = await host.SubscribeAsync(company, autoSend: true);

        await RunAsync(host);
        await RunAsync(host);

        var mail = Assert.Single(await host.OutboxAsync());
        var invoice = Assert.Single(await host.InvoicedAsync(id));
        Assert.Equal((MailKind.Document, await host.EmailOfAsync(people[0])), (mail.Kind, mail.ToAddress));
        Assert.Contains(invoice.Number!, mail.Subject);
        Assert.Equal("application/pdf", Assert.Single(mail.Attachments).ContentType);
        await using var db = host.Db();
        Assert.Equal(1, await db.History.CountAsync(h => h.ClientId == company && h.Kind == HistoryKind.DocumentQueued));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_a_subscription_is_validated_and_its_start_cannot_lie_in_the_past(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        var form = await host.SubscriptionFormAsync(start: Today(host).AddDays(-1));
        form.Title = " ";
        form.Lines[0].UnitPriceMinor = -1;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Subscriptions().CreateAsync(company, form));

        Assert.Equal("Error.SubscriptionStartPast", error.Errors["StartDate"]);
        Assert.Equal("Error.Required", error.Errors["Title"]);
        Assert.Equal("Error.PriceRange", error.Errors["Lines[0].UnitPriceMinor"]);
        Assert.Empty(await host.Subscriptions().ListAsync(company));
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(async () => await host.Subscriptions().CreateAsync(company, await Task.FromResult(form)));
    }
}
