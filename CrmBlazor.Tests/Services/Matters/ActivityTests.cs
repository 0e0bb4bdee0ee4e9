using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>Adding, editing, deleting and listing activities; blocked matters (MAT-5); matters offered from a client's page (MAT-10).</summary>
public class ActivityTests
{
    private static async Task<(long A, long B, long C)> ThreeClientsAsync(DomainHost host) => (
        await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL")),
        await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA")),
        await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak")));

    private static async Task<int> ActivityCountAsync(DomainHost host)
    {
        await using var db = host.Db();
        return await db.Activities.CountAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_mono_client_matter_made_inactive_refuses_new_activities_edits_and_deletes(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, _, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Reclamación", (a, true));
        var id = await host.Activities().AddAsync(matter, ActivityForms.Time(clientId: a));
        Assert.False((await host.Activities().OptionsAsync(matter)).Blocked);

        await host.ToggleClientAsync(matter, a, false);

        Assert.True((await host.Activities().OptionsAsync(matter)).Blocked);
        await Expect.RefusedAsync(() => host.Activities().AddAsync(matter, ActivityForms.Expense(10_00)), MatterBlocking.RefusedKey);
        await Expect.RefusedAsync(() => host.Activities().EditAsync(id, ActivityForms.Time(60), 1), MatterBlocking.RefusedKey);
        await Expect.RefusedAsync(() => host.Activities().DeleteAsync(id, 1), MatterBlocking.RefusedKey);
        Assert.Equal(1, await ActivityCountAsync(host));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_multi_client_matter_is_blocked_only_when_every_client_is_inactive(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true));
        // Other parties do not count: an active opposing party does not unblock the matter.
        await host.AddPartyAsync(matter, c, role: (int)PartyRole.Opposing);

        await host.ToggleClientAsync(matter, a, false);
        await host.Activities().AddAsync(matter, ActivityForms.Expense(10_00));

        await host.ToggleClientAsync(matter, b, false);
        await Expect.RefusedAsync(() => host.Activities().AddAsync(matter, ActivityForms.Expense(10_00)), MatterBlocking.RefusedKey);
        Assert.Equal(1, await ActivityCountAsync(host));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_bad_input_gets_field_errors_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, false));
        var activities = host.Activities();

        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Time(minutes: 0)), nameof(ActivityForm.DurationMinutes), "Error.ActivityDurationPositive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Time(minutes: -30)), nameof(ActivityForm.DurationMinutes), "Error.ActivityDurationPositive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Time(minutes: 24 * 60 + 1)), nameof(ActivityForm.DurationMinutes), "Error.ActivityDurationMax");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Time(rateMinor: 0)), nameof(ActivityForm.HourlyRateMinor), "Error.ActivityRatePositive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(0)), nameof(ActivityForm.AmountMinor), "Error.ActivityAmountPositive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(-5_00)), nameof(ActivityForm.AmountMinor), "Error.ActivityAmountPositive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(5_00, change: f => f.Description = new string('x', 1001))),
            nameof(ActivityForm.Description), "Error.TooLong|1000");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(5_00, change: f => f.Description = "  ")), nameof(ActivityForm.Description), "Error.Required");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(5_00, clientId: c)), nameof(ActivityForm.ClientId), "Error.ActivityClientNotOnMatter");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(5_00, clientId: b)), nameof(ActivityForm.ClientId), "Error.ActivityClientInactive");
        await Expect.FieldErrorAsync(() => activities.AddAsync(matter, ActivityForms.Expense(5_00, change: f => f.UserId = "sales-1")), nameof(ActivityForm.UserId), "Error.ActivityUserNotIntervenant");
        // All the errors of one form at once.
        var all = await Assert.ThrowsAsync<ValidationFailedException>(() => activities.AddAsync(matter, ActivityForms.Time(0, 0, clientId: c, f => f.Description = "")));
        Assert.Equal(4, all.Errors.Count);

        Assert.Equal(0, await ActivityCountAsync(host));
        await using var db = host.Db();
        Assert.Equal(0, await db.History.CountAsync(e => e.MatterId != null));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_time_costs_minutes_times_rate_rounded_half_away_from_zero_and_a_common_one_is_split(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, true));
        using var feed = new FeedRecorder(host.Feed);

        // 25 min × 100.10 / 60 = 41.7083… → 41.71; 1 min × 0.30 / 60 = 0.005 → 0.01 (half away from zero).
        var common = await host.Activities().AddAsync(matter, ActivityForms.Time(25, 100_10));
        var tiny = await host.Activities().AddAsync(matter, ActivityForms.Time(1, 30, clientId: a));

        var page = await host.ActivityList().ListAsync(matter, new ActivityListRequest());
        var row = page.Rows.Single(r => r.Id == common);
        Assert.Equal(41_71, row.AmountMinor);
        Assert.Equal(1, page.Rows.Single(r => r.Id == tiny).AmountMinor);
        Assert.Equal("Astillero Norte SL", page.Rows.Single(r => r.Id == tiny).ClientName);
        // 41.71 among three equal clients (33.34 / 33.33 / 33.33 %): 13.91 / 13.90 / 13.90.
        Assert.Equal([13_91, 13_90, 13_90], row.Shares.OrderBy(s => s.ClientId).Select(s => s.AmountMinor));
        Assert.Equal(row.AmountMinor, row.Shares.Sum(s => s.AmountMinor));
        Assert.Empty(page.Rows.Single(r => r.Id == tiny).Shares);

        Assert.Contains(feed.Changes, ch => ch.Topic == Topics.Activity && ch.Id == matter);
        await using var db = host.Db();
        var events = await db.History.Where(e => e.MatterId == matter).ToListAsync();
        Assert.Equal(2, events.Count(e => e.Kind == HistoryKind.ActivityRecorded));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_editing_moves_an_activity_between_common_and_one_client_and_deleting_removes_its_shares(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true));
        var id = await host.Activities().AddAsync(matter, ActivityForms.Expense(100_01));
        Assert.Equal(new Dictionary<long, long> { [a] = 50_01, [b] = 50_00 }, (await host.MatterSharesAsync(matter))[id]);

        var version = await host.Activities().EditAsync(id, ActivityForms.Expense(100_01, clientId: b), 1);
        Assert.Empty(await host.MatterSharesAsync(matter));
        version = await host.Activities().EditAsync(id, ActivityForms.Expense(40_00), version);
        Assert.Equal(new Dictionary<long, long> { [a] = 20_00, [b] = 20_00 }, (await host.MatterSharesAsync(matter))[id]);

        // A stale version (a colleague edited meanwhile) is refused.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Activities().EditAsync(id, ActivityForms.Expense(1_00), 1));
        await host.Activities().DeleteAsync(id, version);
        Assert.Empty(await host.MatterSharesAsync(matter));
        Assert.Equal(0, await ActivityCountAsync(host));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_the_list_pages_newest_first_and_filters_billed_and_unbilled(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, _, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true));
        for (var i = 0; i < 7; i++)
            await host.Activities().AddAsync(matter, ActivityForms.Expense(10_00 + i, change: f => f.Date = new DateOnly(2026, 11, 1 + i % 3)));

        var seen = new List<ActivityRow>();
        ActivityCursor? after = null;
        do
        {
            var page = await host.ActivityList().ListAsync(matter, new ActivityListRequest(ActivityFilter.Unbilled, 3, after));
            Assert.True(page.Rows.Count <= 3);
            seen.AddRange(page.Rows);
            after = page.Next;
        } while (after is not null);
        Assert.Equal(7, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));

        await host.Proformas().CreateAsync(matter, await host.RateAsync(21m));
        Assert.Empty((await host.ActivityList().ListAsync(matter, new ActivityListRequest(ActivityFilter.Unbilled))).Rows);
        Assert.Equal(7, (await host.ActivityList().ListAsync(matter, new ActivityListRequest(ActivityFilter.Billed, 50))).Rows.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_10_from_a_client_page_only_matters_where_it_is_active_and_not_blocked_are_offered(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, contact) = await ThreeClientsAsync(host);
        var active = await host.MatterAsync("Activo", (a, true), (b, true));
        var inactiveHere = await host.MatterAsync("Inactivo aquí", (a, false), (b, true));
        var blocked = await host.MatterAsync("Bloqueado", (a, true));
        await host.AddPartyAsync(blocked, contact, (int)PartyRole.Contact);
        await host.ToggleClientAsync(blocked, a, false);
        var withContact = await host.MatterAsync("Con contacto", (b, true));
        await host.AddPartyAsync(withContact, contact, (int)PartyRole.Contact);

        Assert.Equal([active], (await host.ActivityList().MattersForClientAsync(a)).Select(m => m.Id));
        Assert.Equal([withContact], (await host.ActivityList().MattersForClientAsync(contact)).Select(m => m.Id));
        Assert.DoesNotContain(blocked, (await host.ActivityList().MattersOpenForActivitiesAsync()).Select(m => m.Id));
        Assert.Contains(inactiveHere, (await host.ActivityList().MattersOpenForActivitiesAsync()).Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_a_deactivated_client_still_active_on_a_matter_is_offered_and_can_be_given_activities(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true));
        await host.DeactivateAsync(a);

        Assert.Equal([matter], (await host.ActivityList().MattersForClientAsync(a)).Select(m => m.Id));
        var option = (await host.Activities().OptionsAsync(matter)).ActiveClients.Single(c => c.ClientId == a);
        Assert.Equal(ClientStatus.Inactive, option.Status);
        await host.Activities().AddAsync(matter, ActivityForms.Expense(12_00, clientId: a));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_changes_are_published_after_the_commit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, _, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true));
        var seenInside = -1;
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            if (change.Topic != Topics.Activity) return;
            await using var db = host.Db();
            seenInside = await db.Activities.CountAsync(x => x.MatterId == matter);
        });

        await host.Activities().AddAsync(matter, ActivityForms.Expense(10_00));

        Assert.Equal(1, seenInside);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_only_staff_may_record_activities(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, _, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true));
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Activities().AddAsync(matter, ActivityForms.Expense(10_00)));
    }
}
