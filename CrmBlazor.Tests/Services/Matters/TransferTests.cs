using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>"Transfer to another matter" (MAT-9) to each kind of destination.</summary>
public class TransferTests
{
    private sealed record Setup(DomainHost Host, long A, long B, long C, long Source, long ForA, long ForB, long Common);

    /// <summary>A source matter with A, B and C active and three activities: one for A, one for B, one common.</summary>
    private static async Task<Setup> SourceAsync(DomainHost host)
    {
        var a = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA"));
        var c = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var source = await host.MatterAsync("Origen", (a, true), (b, true), (c, true));
        var forA = await host.Activities().AddAsync(source, ActivityForms.Time(60, 100_00, clientId: a));
        var forB = await host.Activities().AddAsync(source, ActivityForms.Expense(20_00, clientId: b));
        var common = await host.Activities().AddAsync(source, ActivityForms.Expense(100_00));
        return new Setup(host, a, b, c, source, forA, forB, common);
    }

    private static async Task<List<ActivityRef>> RefsAsync(Setup s, params long[] ids)
    {
        await using var db = s.Host.Db();
        return await db.Activities.Where(x => ids.Contains(x.Id)).Select(x => new ActivityRef(x.Id, x.Version)).ToListAsync();
    }

    private static async Task<Dictionary<long, (long Matter, long? Client)>> WhereAsync(Setup s)
    {
        await using var db = s.Host.Db();
        return await db.Activities.ToDictionaryAsync(x => x.Id, x => (x.MatterId, x.ClientId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_9_a_blocked_mono_client_destination_is_refused_even_when_forged_past_the_picker(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var s = await SourceAsync(host);
        var blocked = await host.MatterAsync("Mono bloqueado", (s.A, true));
        await host.ToggleClientAsync(blocked, s.A, false);
        var before = await WhereAsync(s);

        Assert.DoesNotContain(blocked, (await host.ActivityList().TransferDestinationsAsync(s.Source)).Select(m => m.Id));
        await Expect.RefusedAsync(async () => await host.Transfers().TransferAsync(s.Source, await RefsAsync(s, s.ForA, s.Common), blocked), MatterBlocking.RefusedKey);

        Assert.Equal(before, await WhereAsync(s));
        await using var db = host.Db();
        Assert.Equal(0, await db.History.CountAsync(e => e.MatterId != null && e.Kind == HistoryKind.ActivitiesTransferred));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_9_a_multi_client_destination_with_every_client_inactive_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var s = await SourceAsync(host);
        var blocked = await host.MatterAsync("Multi bloqueado", (s.A, false), (s.B, false));

        Assert.DoesNotContain(blocked, (await host.ActivityList().TransferDestinationsAsync(s.Source)).Select(m => m.Id));
        await Expect.RefusedAsync(async () => await host.Transfers().TransferAsync(s.Source, await RefsAsync(s, s.ForB), blocked), MatterBlocking.RefusedKey);
        Assert.Equal(s.Source, (await WhereAsync(s))[s.ForB].Matter);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_9_to_a_partly_inactive_destination_the_moved_activities_go_to_its_active_clients_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var s = await SourceAsync(host);
        // Destination: A inactive there, B and C active.
        var partly = await host.MatterAsync("Parcial", (s.A, false), (s.B, true), (s.C, true));

        var moved = await host.Transfers().TransferAsync(s.Source, await RefsAsync(s, s.ForA, s.ForB, s.Common), partly);

        Assert.Equal(3, moved);
        var where = await WhereAsync(s);
        Assert.Equal((partly, (long?)null), where[s.ForA]);   // A is not active there: common
        Assert.Equal((partly, (long?)s.B), where[s.ForB]);    // B is: stays B's
        Assert.Equal((partly, (long?)null), where[s.Common]);
        var shares = await host.MatterSharesAsync(partly);
        Assert.Equal(new Dictionary<long, long> { [s.B] = 50_00, [s.C] = 50_00 }, shares[s.ForA]);
        Assert.Equal(new Dictionary<long, long> { [s.B] = 50_00, [s.C] = 50_00 }, shares[s.Common]);
        Assert.False(shares.ContainsKey(s.ForB));
        Assert.Empty(await host.MatterSharesAsync(s.Source));

        await using var db = host.Db();
        var events = await db.History.Where(e => e.MatterId != null && e.Kind == HistoryKind.ActivitiesTransferred).Select(e => e.MatterId!.Value).ToListAsync();
        Assert.Equal([s.Source, partly], events.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_9_to_a_fully_active_destination_attributions_stay_and_common_ones_follow_its_split(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var s = await SourceAsync(host);
        var d = await host.CreateAsync(ClientBuilder.Company("Delta SL"));
        var active = await host.MatterAsync("Activo", (s.A, true), (d, true));
        await host.Split().SaveAsync(active, [new(s.A, 75m), new(d, 25m)], await host.VersionOfMatterAsync(active));

        await host.Transfers().TransferAsync(s.Source, await RefsAsync(s, s.ForA, s.Common), active);

        var where = await WhereAsync(s);
        Assert.Equal((active, (long?)s.A), where[s.ForA]);
        Assert.Equal((active, (long?)null), where[s.Common]);
        Assert.Equal(s.Source, where[s.ForB].Matter);
        Assert.Equal(new Dictionary<long, long> { [s.A] = 75_00, [d] = 25_00 }, (await host.MatterSharesAsync(active))[s.Common]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_9_billed_or_stale_activities_are_not_transferred(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var s = await SourceAsync(host);
        var other = await host.MatterAsync("Otro", (s.A, true));
        var stale = await RefsAsync(s, s.ForA);
        await host.Activities().EditAsync(s.ForA, ActivityForms.Time(30, 100_00, clientId: s.A), stale[0].Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Transfers().TransferAsync(s.Source, stale, other));

        await host.Proformas().CreateAsync(s.Source, await host.RateAsync(21m));
        await Expect.RefusedAsync(async () => await host.Transfers().TransferAsync(s.Source, await RefsAsync(s, s.ForB), other), "Error.ActivityBilled");
        Assert.All((await WhereAsync(s)).Values, w => Assert.Equal(s.Source, w.Matter));
    }
}
