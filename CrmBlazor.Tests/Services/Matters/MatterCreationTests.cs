using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>Creating matters in steps with their parties (MAT-1): numbers, one transaction, bad input.</summary>
public class MatterCreationTests
{
    private static async Task<DomainHost> HostAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        return host;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_a_matter_is_created_with_number_title_responsible_intervenants_and_parties(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var firstClient = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var secondClient = await host.CreateAsync(ClientBuilder.Company("Marina Azul SL"));
        var opposing = await host.CreateAsync(ClientBuilder.Company("Seguros Atlántico SA"));
        var contact = await host.CreateAsync(ClientBuilder.Person("Iker", "Etxeberria"));
        using var feed = new FeedRecorder(host.Feed);

        var id = await host.Matters().CreateAsync(MatterData.Form("  Collision in the port of Bilbao ",
            MatterData.Client(firstClient, shared: true), MatterData.Client(secondClient, active: false, shared: true),
            new PartyInput(opposing, PartyRole.Opposing), new PartyInput(contact, PartyRole.Contact, IsActive: false)));

        var m = await host.DetailAsync(id);
        Assert.Equal("2026-0001", m.Number);
        Assert.Equal("Collision in the port of Bilbao", m.Title);
        Assert.Equal("Ana Admin", m.ResponsibleName);
        Assert.Equal(["Ana Admin", "Olivier Office"], m.Intervenants.Select(i => i.Name));
        Assert.Equal([(firstClient, PartyRole.Client, true, true), (secondClient, PartyRole.Client, false, false),
                      (opposing, PartyRole.Opposing, true, false), (contact, PartyRole.Contact, false, false)],
            m.Parties.Select(p => (p.ClientId, p.Role, p.IsActive, p.SharedOnPortal)));
        Assert.False(m.Blocked);
        Assert.Equal("2026-0002", (await host.DetailAsync(await host.MatterAsync("Second", MatterData.Client(firstClient)))).Number);

        await using var db = host.Db();
        // The split starts with the active clients only (MAT-6).
        var split = await db.MatterSplits.Where(s => s.MatterId == id).Select(s => new { s.ClientId, s.BasisPoints }).ToListAsync();
        Assert.Equal([(firstClient, 10_000)], split.Select(s => (s.ClientId, s.BasisPoints)));
        Assert.Equal(HistoryKind.MatterCreated, (await db.History.SingleAsync(e => e.MatterId == id)).Kind);
        foreach (var party in new[] { firstClient, secondClient, opposing, contact })
            Assert.Contains("2026-0001", (await db.History.SingleAsync(h => h.ClientId == party && h.Kind == HistoryKind.MatterPartyAdded && h.Text.Contains("Collision"))).Text);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Matter && c.Id == id && c.ClientId == contact);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_twelve_matters_created_at_once_get_twelve_distinct_consecutive_numbers(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());

        var ids = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => host.MatterAsync($"Parallel {i}", MatterData.Client(client)))));

        await using var db = host.Db();
        var numbers = await db.Matters.Where(m => ids.Contains(m.Id)).Select(m => m.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"2026-{i:0000}"), numbers.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_bad_input_is_refused_on_its_field_and_nothing_is_saved_nor_a_number_taken(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var company = await host.CreateAsync(ClientBuilder.Company("Other SL"));
        var archived = await host.CreateAsync(ClientBuilder.Company("Old SL"));
        await host.ArchiveAsync(archived);
        var matters = host.Matters();

        var all = await Assert.ThrowsAsync<ValidationFailedException>(() => matters.CreateAsync(new MatterForm { Title = " ", ResponsibleUserId = "" }));
        Assert.Equal("Error.Required", all.Errors[nameof(MatterForm.Title)]);
        Assert.Equal("Error.Required", all.Errors[nameof(MatterForm.ResponsibleUserId)]);
        Assert.Equal("Error.MatterNeedsClient", all.Errors[nameof(MatterForm.Parties)]);
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form(new string('t', 201), MatterData.Client(client))), "Title", "Error.TooLong|200");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form("Only others", new PartyInput(client, PartyRole.Opposing))), "Parties", "Error.MatterNeedsClient");
        var unknown = MatterData.Form("Unknown user", MatterData.Client(client));
        unknown.ResponsibleUserId = "nobody";
        await Expect.FieldErrorAsync(() => matters.CreateAsync(unknown), "ResponsibleUserId", "Error.UserNotFound");
        var unknownIntervenant = MatterData.Form("Unknown intervenant", MatterData.Client(client));
        unknownIntervenant.IntervenantIds.Add("ghost");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(unknownIntervenant), "IntervenantIds", "Error.UserNotFound");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form("Twice", MatterData.Client(client), new PartyInput(client, PartyRole.Third))), "Parties", "Error.MatterPartyTwice");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form("Archived", MatterData.Client(archived))), "Parties", "Error.MatterClientArchived");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form("Gone", MatterData.Client(999_999))), "Parties", "Error.ClientNotFound");
        await Expect.FieldErrorAsync(() => matters.CreateAsync(MatterData.Form("Company as contact", MatterData.Client(client), new PartyInput(company, PartyRole.Contact))),
            "Parties", "Error.MatterContactPerson");
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => matters.CreateAsync(MatterData.Form("Anonymous", MatterData.Client(client))));
        host.Actor.Current = TestActor.Admin;

        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.Matters.CountAsync());
            Assert.Equal(0, await db.History.CountAsync(e => e.MatterId != null));
            Assert.False(await db.History.AnyAsync(h => h.Kind == HistoryKind.MatterPartyAdded));
        }
        Assert.Equal("2026-0001", (await host.DetailAsync(await host.MatterAsync("Good", MatterData.Client(client)))).Number);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_a_client_may_be_inactive_as_a_client_yet_be_picked_and_the_list_pages_and_searches(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var inactive = await host.CreateAsync(ClientBuilder.Company("Dormida SL"));
        await host.DeactivateAsync(inactive);
        for (var i = 1; i <= 7; i++) await host.MatterAsync(i == 3 ? "Hull Damage Łódź" : $"Matter {i}", MatterData.Client(inactive));

        var first = await host.MatterReads().ListAsync(new MatterListRequest(PageSize: 3));
        Assert.Equal(["2026-0007", "2026-0006", "2026-0005"], first.Rows.Select(r => r.Number));
        Assert.Equal(["Dormida SL"], first.Rows[0].Clients);
        var second = await host.MatterReads().ListAsync(new MatterListRequest(PageSize: 3, After: first.Next));
        Assert.Equal(["2026-0004", "2026-0003", "2026-0002"], second.Rows.Select(r => r.Number));
        var last = await host.MatterReads().ListAsync(new MatterListRequest(PageSize: 3, After: second.Next));
        Assert.Equal(["2026-0001"], last.Rows.Select(r => r.Number));
        Assert.Null(last.Next);

        Assert.Equal(["2026-0003"], (await host.MatterReads().ListAsync(new MatterListRequest("hull damage"))).Rows.Select(r => r.Number));
        Assert.Equal(["2026-0005"], (await host.MatterReads().ListAsync(new MatterListRequest("2026-0005"))).Rows.Select(r => r.Number));
        Assert.Empty((await host.MatterReads().ListAsync(new MatterListRequest("100%"))).Rows);
        Assert.Empty((await host.MatterReads().ListAsync(new MatterListRequest(Filter: MatterFilter.Closed))).Rows);
        Assert.Equal(7, (await host.MatterReads().ListAsync(new MatterListRequest(Filter: MatterFilter.All, PageSize: 50))).Rows.Count);
    }
}
