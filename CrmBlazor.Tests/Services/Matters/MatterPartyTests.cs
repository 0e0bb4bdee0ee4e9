using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>Editing parties and their per-matter Active flag (MAT-1, MAT-2, MAT-4, MAT-5, MAT-6, MAT-7, MAT-11).</summary>
public class MatterPartyTests
{
    private static async Task<DomainHost> HostAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        return host;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_edit_parties_adds_removes_and_changes_roles_and_records_it_on_the_matter_and_in_each_clients_history(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var third = await host.CreateAsync(ClientBuilder.Company("Perito Naval SL"));
        var other = await host.CreateAsync(ClientBuilder.Company("Marina Azul SL"));
        var id = await host.MatterAsync("Collision", MatterData.Client(client), new PartyInput(third, PartyRole.Third));
        var version = await host.MatterVersionAsync(id);

        await host.Parties().SaveAsync(id, version, [MatterData.Client(client), MatterData.Client(other, active: false), new PartyInput(third, PartyRole.Opposing)]);

        var m = await host.DetailAsync(id);
        Assert.Equal([(client, PartyRole.Client, true), (other, PartyRole.Client, false), (third, PartyRole.Opposing, true)],
            m.Parties.Select(p => (p.ClientId, p.Role, p.IsActive)));
        Assert.True(m.Version > version);
        var timeline = await host.MatterReads().TimelineAsync(id);
        Assert.Equal(3, timeline.Count(e => e.Kind is HistoryKind.MatterPartyAdded or HistoryKind.MatterPartyRemoved));
        await using var db = host.Db();
        Assert.True(await db.History.AnyAsync(h => h.ClientId == other && h.Kind == HistoryKind.MatterPartyAdded));
        Assert.True(await db.History.AnyAsync(h => h.ClientId == third && h.Kind == HistoryKind.MatterPartyRemoved));
        // The version the dialog was opened with is gone: a second save from it is refused, nothing written.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Parties().SaveAsync(id, version, [MatterData.Client(client)]));
        Assert.Equal(3, (await host.DetailAsync(id)).Parties.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_a_client_with_activities_cannot_be_removed_nor_the_last_client(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var c = await host.CreateAsync(ClientBuilder.Company("Gamma SL"));
        var id = await host.MatterAsync("Shared", MatterData.Client(a), MatterData.Client(b), MatterData.Client(c));
        await host.ActivityAsync(id, a);
        await host.ActivityAsync(id, null);
        await host.SplitAsync(id);

        var attributed = await Expect.RefusedAsync(() => Save(host, id, MatterData.Client(b), MatterData.Client(c)), "Error.MatterPartyHasActivities");
        Assert.Equal(["Alfa SL"], attributed.Args);
        // b has a share of the common activity.
        await Expect.RefusedAsync(() => Save(host, id, MatterData.Client(a), MatterData.Client(c)), "Error.MatterPartyHasActivities");
        await Expect.FieldErrorAsync(() => Save(host, id, new PartyInput(a, PartyRole.Opposing)), "Parties", "Error.MatterNeedsClient");
        // Inactive, b's unbilled shares go to the others; then it may leave.
        await host.SetActiveAsync(id, b, false);
        await host.SetActiveAsync(id, c, false);
        await Save(host, id, MatterData.Client(a), MatterData.Client(c, active: false));
        Assert.Equal([a, c], (await host.DetailAsync(id)).Parties.Select(p => p.ClientId));
    }

    private static async Task Save(DomainHost host, long id, params PartyInput[] parties) =>
        await host.Parties().SaveAsync(id, await host.MatterVersionAsync(id), parties);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_2_the_toggle_changes_one_matter_only_and_not_the_clients_own_status(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var other = await host.CreateAsync(ClientBuilder.Company("Marina Azul SL"));
        var contact = await host.CreateAsync(ClientBuilder.Person("Iker", "Etxeberria"));
        var first = await host.MatterAsync("First", MatterData.Client(client), MatterData.Client(other), new PartyInput(contact, PartyRole.Contact));
        var second = await host.MatterAsync("Second", MatterData.Client(client));

        await host.SetActiveAsync(first, client, false);
        await host.SetActiveAsync(first, contact, false);

        Assert.False((await host.DetailAsync(first)).Parties.Single(p => p.ClientId == client).IsActive);
        Assert.False((await host.DetailAsync(first)).Parties.Single(p => p.ClientId == contact).IsActive);
        Assert.True((await host.DetailAsync(second)).Parties.Single(p => p.ClientId == client).IsActive);
        Assert.Equal(ClientStatus.Active, (await host.LoadAsync(client)).Status);
        var rows = await host.MatterReads().ForClientAsync(client);
        Assert.Equal([("Second", true), ("First", false)], rows.Select(r => (r.Title, r.IsActive)));

        // The client's own deactivation does not touch its matters either.
        await host.DeactivateAsync(other);
        var party = (await host.DetailAsync(first)).Parties.Single(p => p.ClientId == other);
        Assert.True(party.IsActive);
        Assert.Equal(ClientStatus.Inactive, party.ClientStatus);
        await host.SetActiveAsync(first, contact, true);
        Assert.True((await host.DetailAsync(first)).Parties.Single(p => p.ClientId == contact).IsActive);
        await using var db = host.Db();
        Assert.Equal(2, await db.History.CountAsync(h => h.ClientId == contact && h.Kind == HistoryKind.MatterPartyChanged));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_a_matter_is_blocked_when_its_only_client_or_all_its_clients_are_inactive(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var opposing = await host.CreateAsync(ClientBuilder.Company("Contraria SA"));
        var mono = await host.MatterAsync("Mono", MatterData.Client(a), new PartyInput(opposing, PartyRole.Opposing));
        var multi = await host.MatterAsync("Multi", MatterData.Client(a), MatterData.Client(b));

        await host.SetActiveAsync(mono, a, false);
        await host.SetActiveAsync(multi, a, false);

        Assert.True((await host.DetailAsync(mono)).Blocked);
        Assert.False((await host.DetailAsync(multi)).Blocked);
        await using (var db = host.Db())
        {
            Assert.True(await MatterBlocking.IsBlockedAsync(db, mono));
            Assert.False(await MatterBlocking.IsBlockedAsync(db, multi));
            Assert.Equal([multi], await db.Matters.WhereNotBlocked(db).Select(m => m.Id).ToListAsync());
        }
        await host.SetActiveAsync(multi, b, false);
        Assert.True((await host.DetailAsync(multi)).Blocked);
        var list = await host.MatterReads().ListAsync(new MatterListRequest());
        Assert.All(list.Rows, r => Assert.True(r.Blocked));
        Assert.All(await host.MatterReads().ForClientAsync(a), r => Assert.True(r.Blocked));

        await host.SetActiveAsync(mono, a, true);
        Assert.False((await host.DetailAsync(mono)).Blocked);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_6_MAT_7_toggling_a_client_splits_the_unbilled_common_activities_among_the_active_clients_only(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var id = await host.MatterAsync("Split", MatterData.Client(a), MatterData.Client(b));
        var common = await host.ActivityAsync(id, null, 100_01);
        await host.SplitAsync(id);
        Assert.Equal(new Dictionary<long, long> { [a] = 50_01, [b] = 50_00 }, await host.SharesAsync(common));

        await host.SetActiveAsync(id, b, false);
        Assert.Equal(new Dictionary<long, long> { [a] = 100_01 }, await host.SharesAsync(common));

        await host.SetActiveAsync(id, b, true);
        Assert.Equal(new Dictionary<long, long> { [a] = 50_01, [b] = 50_00 }, await host.SharesAsync(common));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_4_the_matter_counts_each_clients_unbilled_activities_attributed_or_common(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var id = await host.MatterAsync("Counts", MatterData.Client(a), MatterData.Client(b));
        var proforma = await host.DraftAsync(CrmBlazor.Domain.Documents.DocumentType.Proforma, a);
        await host.ActivityAsync(id, a);
        await host.ActivityAsync(id, a);
        await host.ActivityAsync(id, a, documentId: proforma);
        await host.ActivityAsync(id, a, billable: false);
        await host.ActivityAsync(id, null);

        var m = await host.DetailAsync(id);
        Assert.Equal([3, 1], m.Parties.Select(p => p.UnbilledActivities));
        Assert.Equal(5, m.Activities);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_11_deactivating_a_client_switches_its_portal_sharing_off_and_staff_switch_it_on_again_by_hand(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var id = await host.MatterAsync("Portal", MatterData.Client(a, shared: true), MatterData.Client(b, shared: true));

        await host.SetActiveAsync(id, a, false);
        Assert.Equal([false, true], (await host.DetailAsync(id)).Parties.Select(p => p.SharedOnPortal));
        await Expect.RefusedAsync(async () => await host.Parties().SetSharingAsync(id, a, true, await host.MatterVersionAsync(id)), "Error.MatterSharingInactive");

        await host.SetActiveAsync(id, a, true);
        Assert.False((await host.DetailAsync(id)).Parties.Single(p => p.ClientId == a).SharedOnPortal);
        await host.Parties().SetSharingAsync(id, a, true, await host.MatterVersionAsync(id));
        Assert.True((await host.DetailAsync(id)).Parties.Single(p => p.ClientId == a).SharedOnPortal);
        await using var db = host.Db();
        var lines = await db.History.Where(h => h.ClientId == a && h.Kind == HistoryKind.MatterPartyChanged).OrderBy(h => h.Id).Select(h => h.Data!).ToListAsync();
        Assert.Equal(["Deactivated", "Unshared", "Activated", "Shared"], lines.Select(d => System.Text.Json.JsonSerializer.Deserialize<MatterPartyData>(d)!.Change));
    }
}
