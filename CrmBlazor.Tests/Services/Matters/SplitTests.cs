using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Domain.Matters.Split;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>The client split (MAT-6, MAT-7, MAT-8): active clients only, re-split on reactivation, exact cents, validation, history.</summary>
public class SplitTests
{
    private static async Task<(long A, long B, long C)> ThreeClientsAsync(DomainHost host) => (
        await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL")),
        await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA")),
        await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak")));

    private static Task SaveAsync(DomainHost host, long matter, long version, params (long Client, decimal Percent)[] parts) =>
        host.Split().SaveAsync(matter, parts.Select(p => new SplitPercent(p.Client, p.Percent)).ToList(), version);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_8_100_euros_among_three_equal_clients_is_33_34_33_33_33_33(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, true));
        var id = await host.Activities().AddAsync(matter, ActivityForms.Expense(100_00));

        Assert.Equal(new Dictionary<long, long> { [a] = 33_34, [b] = 33_33, [c] = 33_33 }, (await host.MatterSharesAsync(matter))[id]);
        var view = await host.Split().GetAsync(matter);
        Assert.Equal([33.34m, 33.33m, 33.33m], view.Clients.Select(x => x.Percent));
        Assert.Equal([33_34L, 33_33L, 33_33L], view.Clients.Select(x => x.AmountMinor));
        Assert.Equal(100_00, view.CommonUnbilledMinor);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_8_a_saved_split_recomputes_every_unbilled_common_activity_to_the_cent_and_is_in_the_histories(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, true));
        var amounts = new long[] { 1, 2, 99, 100_00, 333_33, 12_345_67 };
        foreach (var amount in amounts) await host.Activities().AddAsync(matter, ActivityForms.Expense(amount));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(50_00, clientId: b));
        using var feed = new FeedRecorder(host.Feed);

        // Preview and save agree; the largest percentage (B, 45 %) takes the leftover cents.
        var percents = new[] { new SplitPercent(a, 25.5m), new SplitPercent(b, 45m), new SplitPercent(c, 29.5m) };
        var preview = await host.Split().PreviewAsync(matter, percents);
        await host.Split().SaveAsync(matter, percents, await host.VersionOfMatterAsync(matter));

        var shares = await host.MatterSharesAsync(matter);
        Assert.Equal(amounts.Length, shares.Count);
        await using var db = host.Db();
        var common = await db.Activities.Where(x => x.MatterId == matter && x.ClientId == null).ToDictionaryAsync(x => x.Id, x => x.AmountMinor);
        foreach (var (activity, parts) in shares)
        {
            Assert.Equal(common[activity], parts.Values.Sum());
            Assert.Equal(ActivitySplitter.Parts(common[activity], [new(a, 2550), new(b, 4500), new(c, 2950)]).ToDictionary(p => p.ClientId, p => p.AmountMinor), parts);
        }
        // 12,345.67 × 25.5 % = 3,148.14585 → 3,148.14; × 29.5 % = 3,641.97265 → 3,641.97; B: the rest, 5,555.56.
        Assert.Equal(new Dictionary<long, long> { [a] = 3_148_14, [b] = 5_555_56, [c] = 3_641_97 }, shares[common.Single(x => x.Value == 12_345_67).Key]);
        var view = await host.Split().GetAsync(matter);
        Assert.Equal(preview, view.Clients.Select(x => x.AmountMinor));
        Assert.Equal(amounts.Sum(), view.Clients.Sum(x => x.AmountMinor));
        Assert.Equal([25.5m, 45m, 29.5m], view.Clients.Select(x => x.Percent));

        var onMatter = await db.History.SingleAsync(e => e.MatterId == matter && e.Kind == HistoryKind.MatterSplitChanged);
        var data = JsonSerializer.Deserialize<SplitHistoryData>(onMatter.Data!)!;
        Assert.Equal([2550, 4500, 2950], data.Parts.Select(p => p.BasisPoints));
        Assert.Equal("Ana Admin", onMatter.ActorName);
        Assert.Equal(3, await db.History.CountAsync(h => h.ClientId != null && h.Kind == HistoryKind.MatterSplitChanged));
        Assert.Contains(feed.Changes, ch => ch.Topic == Topics.Matter && ch.Id == matter);
        Assert.Contains(feed.Changes, ch => ch.Topic == Topics.History && ch.ClientId == c);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_8_percentages_not_summing_to_100_negative_over_100_or_finer_than_a_hundredth_are_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, false));
        var id = await host.Activities().AddAsync(matter, ActivityForms.Expense(100_00));
        var version = await host.VersionOfMatterAsync(matter);
        var before = await host.MatterSharesAsync(matter);

        await Expect.FieldErrorAsync(() => SaveAsync(host, matter, version, (a, 50m), (b, 49.99m)), SplitService.TotalField, "Error.SplitTotal|99.99");
        await Expect.FieldErrorAsync(() => SaveAsync(host, matter, version, (a, 110m), (b, -10m)), SplitService.Field(a), "Error.SplitPercentOver100");
        await Expect.FieldErrorAsync(() => SaveAsync(host, matter, version, (a, 110m), (b, -10m)), SplitService.Field(b), "Error.SplitPercentNegative");
        await Expect.FieldErrorAsync(() => SaveAsync(host, matter, version, (a, 50.005m), (b, 49.995m)), SplitService.Field(a), "Error.SplitPercentDecimals");
        // Exactly the active clients: an inactive one, a missing one or a stranger is refused.
        await Expect.RefusedAsync(() => SaveAsync(host, matter, version, (a, 50m), (b, 25m), (c, 25m)), "Error.SplitClientsChanged");
        await Expect.RefusedAsync(() => SaveAsync(host, matter, version, (a, 100m)), "Error.SplitClientsChanged");
        // A version the dialog showed before a colleague's change.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(host, matter, version - 1, (a, 60m), (b, 40m)));

        Assert.Equal(before, await host.MatterSharesAsync(matter));
        Assert.Equal(version, await host.VersionOfMatterAsync(matter));
        await using var db = host.Db();
        Assert.Equal(0, await db.History.CountAsync(e => e.MatterId != null && e.Kind == HistoryKind.MatterSplitChanged));
        Assert.Equal(new Dictionary<long, long> { [a] = 50_00, [b] = 50_00 }, before[id]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_with_some_clients_inactive_common_activities_are_split_among_the_active_ones_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, c) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, true));
        var old = await host.Activities().AddAsync(matter, ActivityForms.Expense(90_00));

        await host.ToggleClientAsync(matter, b, false);
        var fresh = await host.Activities().AddAsync(matter, ActivityForms.Expense(10_01));

        var shares = await host.MatterSharesAsync(matter);
        Assert.Equal(new Dictionary<long, long> { [a] = 45_00, [c] = 45_00 }, shares[old]);
        Assert.Equal(new Dictionary<long, long> { [a] = 5_01, [c] = 5_00 }, shares[fresh]);
        var view = await host.Split().GetAsync(matter);
        Assert.Equal([a, c], view.Clients.Select(x => x.ClientId));
        Assert.False(view.Blocked);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_7_reactivating_a_client_splits_every_unbilled_common_activity_again_and_billed_ones_never_change(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, false));
        var billed = await host.Activities().AddAsync(matter, ActivityForms.Expense(80_00));
        await host.Proformas().CreateAsync(matter, await host.RateAsync(21m));
        var older = await host.Activities().AddAsync(matter, ActivityForms.Expense(30_00));
        Assert.Equal(new Dictionary<long, long> { [a] = 30_00 }, (await host.MatterSharesAsync(matter))[older]);

        await host.ToggleClientAsync(matter, b, true);

        var shares = await host.MatterSharesAsync(matter);
        Assert.Equal(new Dictionary<long, long> { [a] = 15_00, [b] = 15_00 }, shares[older]);
        Assert.Equal(new Dictionary<long, long> { [a] = 80_00 }, shares[billed]);
        // A new split leaves the billed activity alone too.
        await SaveAsync(host, matter, await host.VersionOfMatterAsync(matter), (a, 10m), (b, 90m));
        shares = await host.MatterSharesAsync(matter);
        Assert.Equal(new Dictionary<long, long> { [a] = 3_00, [b] = 27_00 }, shares[older]);
        Assert.Equal(new Dictionary<long, long> { [a] = 80_00 }, shares[billed]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_no_split_on_a_blocked_matter(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(30_00));
        await host.ToggleClientAsync(matter, a, false);
        await host.ToggleClientAsync(matter, b, false);

        var view = await host.Split().GetAsync(matter);
        Assert.True(view.Blocked);
        Assert.Empty(view.Clients);
        await Expect.RefusedAsync(() => SaveAsync(host, matter, view.Version, (a, 50m), (b, 50m)), MatterBlocking.RefusedKey);
        await Expect.RefusedAsync(() => SaveAsync(host, matter, view.Version), MatterBlocking.RefusedKey);
        // Nobody's part is left: the common activity waits for a client to be active again.
        Assert.Empty(await host.MatterSharesAsync(matter));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_8_two_colleagues_saving_a_split_at_once_one_wins_the_other_is_told(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (a, b, _) = await ThreeClientsAsync(host);
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(30_00));
        var version = await host.VersionOfMatterAsync(matter);

        var won = await Expect.RaceAsync(() => SaveAsync(host, matter, version, (a, 10m), (b, 90m)), () => SaveAsync(host, matter, version, (a, 70m), (b, 30m)));

        Assert.Equal(1, won);
        var view = await host.Split().GetAsync(matter);
        Assert.Equal(30_00, view.Clients.Sum(x => x.AmountMinor));
        Assert.Equal(100m, view.Clients.Sum(x => x.Percent));
    }
}
