using System.Text.Json;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Lifecycle;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Lifecycle;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Clients.Lifecycle;

/// <summary>Deactivating and reactivating clients: stakes, choices, one transaction, concurrency, no cascade, history.</summary>
public class DeactivationTests
{
    private sealed record Setup(DomainHost Host, long Company, long Person, long Unpaid1, long Unpaid2, long Paid, long Usd, long Subscription, long Ended);

    /// <summary>A company with a contact, two unpaid EUR invoices, one paid, one unpaid in USD, an active and an ended subscription.</summary>
    private static async Task<Setup> ClientWithStakesAsync(DomainHost host)
    {
        var (company, people) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var unpaid1 = await host.IssuedAsync(DocumentType.Invoice, company);
        var unpaid2 = await host.IssuedAsync(DocumentType.Invoice, company, f => f.Lines[0].Quantity = 1);
        var paid = await host.IssuedAsync(DocumentType.Invoice, company);
        await using (var db = host.Db())
        {
            var d = await db.Documents.SingleAsync(x => x.Id == paid);
            d.ApplyPayment(d.TotalMinor, host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        var usd = await host.IssuedAsync(DocumentType.Invoice, company, f => f.Currency = "USD");
        await host.DraftAsync(DocumentType.Invoice, company);
        await host.IssuedAsync(DocumentType.Quote, company);
        var subscription = await host.SubscribeAsync(company, "Amarre anual", SubscriptionInterval.Yearly);
        var ended = await host.SubscribeAsync(company, "Limpieza");
        await host.Subscriptions().EndAsync(ended, (await host.SubscriptionAsync(ended)).Version);
        return new Setup(host, company, people[0], unpaid1, unpaid2, paid, usd, subscription, ended);
    }

    private static async Task DeactivateAsync(Setup s, bool hold, bool end) =>
        await s.Host.Lifecycle().DeactivateAsync(s.Company, await s.Host.VersionOfAsync(s.Company), hold, end);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_2_stakes_count_the_outstanding_invoices_with_totals_per_currency_and_name_the_active_subscriptions(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);

        var stakes = await host.Lifecycle().StakesAsync(s.Company);

        Assert.Equal(3, stakes.OutstandingInvoices);
        // 2 h × 45.00 + 21 % = 108.90; 1 h = 54.45.
        Assert.Equal([new MoneyTotal("EUR", 108_90 + 54_45), new MoneyTotal("USD", 108_90)], stakes.OutstandingTotals);
        Assert.Equal("Amarre anual", Assert.Single(stakes.ActiveSubscriptions).Title);
        Assert.True(stakes.Any);

        var bare = await host.CreateAsync(ClientBuilder.Company("Sin Deudas SA"));
        var none = await host.Lifecycle().StakesAsync(bare);
        Assert.False(none.Any);
        Assert.Empty(none.OutstandingTotals);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_2_holding_and_ending_touch_exactly_the_outstanding_invoices_and_the_active_subscriptions(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);

        await DeactivateAsync(s, hold: true, end: true);

        Assert.Equal(ClientStatus.Inactive, (await host.LoadAsync(s.Company)).Status);
        Assert.True(await host.OnHoldAsync(s.Unpaid1));
        Assert.True(await host.OnHoldAsync(s.Unpaid2));
        Assert.True(await host.OnHoldAsync(s.Usd));
        Assert.False(await host.OnHoldAsync(s.Paid));
        var ended = await host.SubscriptionAsync(s.Subscription);
        Assert.Equal((SubscriptionStatus.Ended, TestActor.Admin.Name), (ended.Status, ended.EndedBy));
        Assert.False((await host.Lifecycle().StakesAsync(s.Company)).Any);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, true, false)]
    [InlineData(DatabaseProvider.Sqlite, false, true)]
    [InlineData(DatabaseProvider.Sqlite, false, false)]
    [InlineData(DatabaseProvider.Postgres, true, false)]
    [InlineData(DatabaseProvider.Postgres, false, true)]
    [InlineData(DatabaseProvider.Postgres, false, false)]
    public async Task DEA_2_each_choice_alone_touches_only_what_it_names(DatabaseProvider provider, bool hold, bool end)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);

        await DeactivateAsync(s, hold, end);

        Assert.Equal(ClientStatus.Inactive, (await host.LoadAsync(s.Company)).Status);
        Assert.Equal(hold, await host.OnHoldAsync(s.Unpaid1));
        Assert.Equal(hold, await host.OnHoldAsync(s.Usd));
        Assert.Equal(end ? SubscriptionStatus.Ended : SubscriptionStatus.Active, (await host.SubscriptionAsync(s.Subscription)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_5_the_history_says_who_when_and_what_was_chosen(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        host.Actor.Current = TestActor.Office;

        await DeactivateAsync(s, hold: true, end: false);

        await using var db = host.Db();
        var entry = await db.History.SingleAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.ClientDeactivated);
        Assert.Equal((TestActor.Office.Name, host.Clock.GetUtcNow().UtcDateTime), (entry.ActorName, entry.At));
        var data = JsonSerializer.Deserialize<DeactivationData>(entry.Data!)!;
        Assert.True(data.HoldInvoices);
        Assert.False(data.EndSubscriptions);
        Assert.Equal(3, data.HeldInvoices.Count);
        Assert.Empty(data.EndedSubscriptions);
        Assert.Equal(3, await db.History.CountAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.DocumentHeld));
        var banner = await host.Lifecycle().DeactivationAsync(s.Company);
        Assert.Equal((TestActor.Office.Name, true), (banner!.By, banner.Choices!.HoldInvoices));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_5_a_failure_inside_the_deactivation_leaves_nothing_changed(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider, more: services => services.AddSingleton<IInterceptor>(new FailOnDeactivationHistory()));
        var s = await ClientWithStakesAsync(host);
        var history = await HistoryCountAsync(host);

        await Assert.ThrowsAnyAsync<Exception>(() => DeactivateAsync(s, hold: true, end: true));

        Assert.Equal(ClientStatus.Active, (await host.LoadAsync(s.Company)).Status);
        Assert.False(await host.OnHoldAsync(s.Unpaid1));
        Assert.Equal(SubscriptionStatus.Active, (await host.SubscriptionAsync(s.Subscription)).Status);
        Assert.Equal(history, await HistoryCountAsync(host));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_5_deactivating_after_a_colleague_edited_is_refused_and_explained_and_nothing_is_lost(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        var seen = await host.VersionOfAsync(s.Company);
        var clients = host.Get<ClientService>();
        var form = (await clients.GetAsync(s.Company))!.Form;
        form.City = "Gijón";
        await clients.UpdateAsync(s.Company, form, seen);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Lifecycle().DeactivateAsync(s.Company, seen, true, true));

        Assert.Equal("Error.ClientChangedMeanwhile", error.MessageKey);
        var client = await host.LoadAsync(s.Company);
        Assert.Equal((ClientStatus.Active, "Gijón"), (client.Status, client.City));
        Assert.False(await host.OnHoldAsync(s.Unpaid1));
        Assert.Equal(SubscriptionStatus.Active, (await host.SubscriptionAsync(s.Subscription)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_5_two_deactivations_at_once_from_the_same_page_version_succeed_once(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        var seen = await host.VersionOfAsync(s.Company);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            try
            {
                await host.Lifecycle().DeactivateAsync(s.Company, seen, true, true);
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(ok => ok));
        await using var db = host.Db();
        Assert.Equal(1, await db.History.CountAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.ClientDeactivated));
        Assert.Equal(1, await db.History.CountAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.SubscriptionEnded && h.Text == "Amarre anual"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_5_a_stale_or_forged_request_is_refused_by_the_service(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        await DeactivateAsync(s, false, false);

        // A second page still showing the client as active, with the version it had then.
        var again = await Assert.ThrowsAnyAsync<DomainException>(() => DeactivateAsync(s, true, true));
        Assert.Equal("Error.ClientNotActive", again.MessageKey);
        Assert.False(await host.OnHoldAsync(s.Unpaid1));
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Lifecycle().ReactivateAsync(s.Company, 1));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Lifecycle().StakesAsync(s.Company));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Lifecycle().ReleaseHoldsAsync(s.Company));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_8_deactivating_a_company_leaves_its_contacts_active_and_the_other_way_round(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        var (other, people) = await host.CompanyWithContactsAsync("Velas del Sur SL", ("Bea", null));

        await DeactivateAsync(s, true, true);
        await host.Lifecycle().DeactivateAsync(people[0], await host.VersionOfAsync(people[0]), false, false);

        Assert.Equal(ClientStatus.Active, (await host.LoadAsync(s.Person)).Status);
        Assert.Equal(ClientStatus.Active, (await host.LoadAsync(other)).Status);
        Assert.Equal(ClientStatus.Inactive, (await host.LoadAsync(people[0])).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_6_reactivating_keeps_the_holds_and_the_ended_subscriptions_and_notes_it(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        await DeactivateAsync(s, true, true);
        using var feed = new FeedRecorder(host.Feed);

        await host.Lifecycle().ReactivateAsync(s.Company, await host.VersionOfAsync(s.Company));

        Assert.Equal(ClientStatus.Active, (await host.LoadAsync(s.Company)).Status);
        Assert.True(await host.OnHoldAsync(s.Unpaid1));
        Assert.Equal(SubscriptionStatus.Ended, (await host.SubscriptionAsync(s.Subscription)).Status);
        await using var db = host.Db();
        var entry = await db.History.SingleAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.ClientReactivated);
        Assert.Equal(new ReactivationData(3, 2), JsonSerializer.Deserialize<ReactivationData>(entry.Data!));
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Client && c.Id == s.Company);
        Assert.Null(await host.Lifecycle().DeactivationAsync(s.Company));
        var twice = await Assert.ThrowsAsync<DomainException>(async () => await host.Lifecycle().ReactivateAsync(s.Company, await host.VersionOfAsync(s.Company)));
        Assert.Equal("Error.ClientNotInactive", twice.MessageKey);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_4_an_ended_subscription_cannot_be_ended_again_nor_brought_back(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        await DeactivateAsync(s, false, true);
        await host.Lifecycle().ReactivateAsync(s.Company, await host.VersionOfAsync(s.Company));

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await host.Subscriptions().EndAsync(s.Subscription, (await host.SubscriptionAsync(s.Subscription)).Version));

        Assert.Equal("Error.SubscriptionAlreadyEnded", error.MessageKey);
        Assert.Equal(SubscriptionStatus.Ended, (await host.SubscriptionAsync(s.Subscription)).Status);
        Assert.DoesNotContain(await host.Subscriptions().ListAsync(s.Company), r => r.Status == SubscriptionStatus.Active);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_3_release_all_holds_releases_every_held_invoice_of_the_client_with_a_history_line_each(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        await DeactivateAsync(s, true, false);
        var (other, _) = await host.CompanyWithContactsAsync("Velas del Sur SL", ("Bea", null));
        var otherInvoice = await host.IssuedAsync(DocumentType.Invoice, other);
        await host.Get<DocumentHoldService>().HoldAsync(otherInvoice, (await host.DetailsAsync(otherInvoice)).Version);

        Assert.Equal(3, await host.Lifecycle().HeldCountAsync(s.Company));
        Assert.Equal(3, await host.Lifecycle().ReleaseHoldsAsync(s.Company));

        Assert.False(await host.OnHoldAsync(s.Unpaid1));
        Assert.False(await host.OnHoldAsync(s.Usd));
        Assert.True(await host.OnHoldAsync(otherInvoice));
        Assert.Equal(0, await host.Lifecycle().ReleaseHoldsAsync(s.Company));
        await using var db = host.Db();
        Assert.Equal(3, await db.History.CountAsync(h => h.ClientId == s.Company && h.Kind == HistoryKind.DocumentReleased));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_9_active_equals_no_lists_exactly_the_clients_deactivated_through_the_service(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        var others = await host.InsertAsync([ClientBuilder.Company("Bodegas Rías SL"), ClientBuilder.Company("Czysta Woda Sp. z o.o.")]);
        await DeactivateAsync(s, false, false);
        await host.Lifecycle().DeactivateAsync(others[1], await host.VersionOfAsync(others[1]), false, false);
        var directory = host.Get<ClientDirectory>();

        var inactive = await directory.ListAsync(new ClientListRequest(ClientKind.Company, Filter: ClientFilter.Parse(["active.eq.no"])));
        var all = await directory.ListAsync(new ClientListRequest(ClientKind.Company));

        Assert.Equal(new[] { others[1], s.Company }.Order(), inactive.Rows.Select(r => r.Id).Order());
        // DIR-5 / DEA-7: still in the main list, marked.
        Assert.Equal(ClientStatus.Inactive, all.Rows.Single(r => r.Id == s.Company).Status);
        Assert.Equal(3, all.Rows.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_a_deactivated_client_can_still_be_picked_marked_and_quoted(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await ClientWithStakesAsync(host);
        await DeactivateAsync(s, true, true);

        var option = Assert.Single(await host.Get<ClientDirectory>().PickAsync("Astillero"));
        Assert.Equal((s.Company, ClientStatus.Inactive), (option.Id, option.Status));
        var quote = await host.IssuedAsync(DocumentType.Quote, s.Company);
        Assert.Equal(ClientStatus.Inactive, (await host.DetailsAsync(quote)).ClientStatus);
    }

    private static async Task<int> HistoryCountAsync(DomainHost host)
    {
        await using var db = host.Db();
        return await db.History.CountAsync();
    }

    /// <summary>Makes the save fail at the last moment, as a lost connection would.</summary>
    private sealed class FailOnDeactivationHistory : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<HistoryEvent>().Any(e => e.State == EntityState.Added && e.Entity.Kind == HistoryKind.ClientDeactivated))
                throw new InvalidOperationException("simulated failure");
            return base.SavingChangesAsync(eventData, result, ct);
        }
    }
}
