using System.Text.Json;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Persons at companies with a position (DIR-1) and exactly one primary contact per company (CON-2).</summary>
public class ContactLinkTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_1_a_person_linked_to_two_companies_shows_on_every_detail_page_with_its_positions(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (clients, links) = (host.Get<ClientService>(), host.Get<ContactLinkService>());
        var alfa = await host.CreateAsync(ClientBuilder.Company("Alfa"));
        var beta = await host.CreateAsync(ClientBuilder.Company("Beta"));
        var zofia = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var jan = await host.CreateAsync(ClientBuilder.Person("Jan", "Adamski"));

        await links.LinkAsync(alfa, zofia, "  Buyer ");
        await links.LinkAsync(beta, zofia, "CEO");
        await links.LinkAsync(alfa, jan, "Accountant");
        await links.ChangePositionAsync(beta, zofia, "Chair");

        var alfaPage = (await clients.GetAsync(alfa))!.Links;
        Assert.Equal([(zofia, "Zofia Nowak", "Buyer", true), (jan, "Jan Adamski", "Accountant", false)],
            alfaPage.Select(l => (l.Id, l.Name, l.Position, l.IsPrimary)));
        var zofiaPage = (await clients.GetAsync(zofia))!.Links;
        Assert.Equal([(alfa, "Alfa", "Buyer"), (beta, "Beta", "Chair")], zofiaPage.Select(l => (l.Id, l.Name, l.Position)));
        Assert.Empty((await clients.GetAsync(await host.CreateAsync(ClientBuilder.Person("Solo", "Person"))))!.Links);

        var people = await host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Person, Search: "nowak"));
        Assert.Equal("Alfa, Beta", Assert.Single(people.Rows).Companies);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_1_links_only_join_a_company_to_a_person_once_with_a_short_position(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        var company = await host.CreateAsync(ClientBuilder.Company("Alfa"));
        var other = await host.CreateAsync(ClientBuilder.Company("Beta"));
        var person = await host.CreateAsync(ClientBuilder.Person());

        await Expect.RefusedAsync(() => links.LinkAsync(company, other, ""), "Error.LinkNeedsCompanyAndPerson");
        await Expect.RefusedAsync(() => links.LinkAsync(person, company, ""), "Error.LinkNeedsCompanyAndPerson");
        await Expect.FieldErrorAsync(() => links.LinkAsync(company, person, new string('p', 101)), "Position", "Error.TooLong|100");
        await links.LinkAsync(company, person, "Buyer");
        await Expect.RefusedAsync(() => links.LinkAsync(company, person, "Again"), "Error.AlreadyLinked");
        await Expect.RefusedAsync(() => links.MakePrimaryAsync(other, person), "Error.NotLinked");
        await host.ArchiveAsync(other);
        await Expect.RefusedAsync(() => links.LinkAsync(other, person, ""), "Error.ClientArchived");

        Assert.Equal(1, (await host.CountsAsync()).Links);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_the_first_contact_is_primary_and_make_primary_moves_the_flag_back_and_forth(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        var first = await host.CreateAsync(ClientBuilder.Person("Ada", "First"));
        var second = await host.CreateAsync(ClientBuilder.Person("Bo", "Second"));
        var third = await host.CreateAsync(ClientBuilder.Person("Cy", "Third"));

        await links.LinkAsync(company, first, "");
        await links.LinkAsync(company, second, "");
        await links.LinkAsync(company, third, "");
        Assert.Equal(first, await PrimaryOfAsync(host, company));

        foreach (var target in new[] { third, second, first, third, first })
        {
            await links.MakePrimaryAsync(company, target);
            Assert.Equal(target, await PrimaryOfAsync(host, company));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_unlinking_the_primary_promotes_the_longest_standing_contact(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        var people = new List<long>();
        foreach (var name in new[] { "Ada", "Bo", "Cy" })
        {
            people.Add(await host.CreateAsync(ClientBuilder.Person(name, "Link")));
            await links.LinkAsync(company, people[^1], "");
        }

        await links.MakePrimaryAsync(company, people[2]);
        await links.UnlinkAsync(company, people[0]);
        Assert.Equal(people[2], await PrimaryOfAsync(host, company));
        await links.UnlinkAsync(company, people[2]);
        Assert.Equal(people[1], await PrimaryOfAsync(host, company));
        await links.UnlinkAsync(company, people[1]);

        Assert.Empty((await host.LoadAsync(company)).Contacts);
        Assert.Equal(4, (await host.CountsAsync()).Clients);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_two_concurrent_make_primary_calls_leave_exactly_one_primary(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        var a = await host.CreateAsync(ClientBuilder.Person("Ada", "Race"));
        var b = await host.CreateAsync(ClientBuilder.Person("Bo", "Race"));
        var c = await host.CreateAsync(ClientBuilder.Person("Cy", "Race"));
        foreach (var p in new[] { a, b, c }) await links.LinkAsync(company, p, "");

        for (var round = 0; round < 3; round++)
        {
            var winners = await Expect.RaceAsync(() => links.MakePrimaryAsync(company, b), () => links.MakePrimaryAsync(company, c));
            Assert.InRange(winners, 1, 2);
            Assert.Contains(await PrimaryOfAsync(host, company), new[] { b, c });
            await links.MakePrimaryAsync(company, a);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_two_concurrent_first_links_leave_exactly_one_primary(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        for (var round = 0; round < 3; round++)
        {
            var company = await host.CreateAsync(ClientBuilder.Company($"Race {round}"));
            var a = await host.CreateAsync(ClientBuilder.Person("Ada", "Race"));
            var b = await host.CreateAsync(ClientBuilder.Person("Bo", "Race"));

            var winners = await Expect.RaceAsync(() => links.LinkAsync(company, a, ""), () => links.LinkAsync(company, b, ""));

            Assert.InRange(winners, 1, 2);
            Assert.Equal(winners, (await host.LoadAsync(company)).Contacts.Count);
            await PrimaryOfAsync(host, company);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_4_link_changes_are_recorded_on_both_sides_with_who_and_when_and_bump_the_company_version(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var links = host.Get<ContactLinkService>();
        var company = await host.CreateAsync(ClientBuilder.Company("Alfa"));
        var person = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        host.Actor.Current = TestActor.Office;
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await links.LinkAsync(company, person, "Buyer");
        await links.UnlinkAsync(company, person);

        await using var db = host.Db();
        var rows = await db.History.Where(h => h.Kind == HistoryKind.Linked || h.Kind == HistoryKind.Unlinked)
            .OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([(company, HistoryKind.Linked), (person, HistoryKind.Linked), (company, HistoryKind.Unlinked), (person, HistoryKind.Unlinked)],
            rows.Select(r => (r.ClientId, r.Kind)));
        Assert.All(rows, r => Assert.Equal(("Olivier Office", host.Clock.GetUtcNow().UtcDateTime), (r.ActorName, r.At)));
        Assert.Equal(new LinkData(person, "Zofia Nowak", "Buyer"), JsonSerializer.Deserialize<LinkData>(rows[0].Data!));
        Assert.Equal(new LinkData(company, "Alfa", "Buyer"), JsonSerializer.Deserialize<LinkData>(rows[1].Data!));
        Assert.Equal(3, (await host.Get<ClientService>().GetAsync(company))!.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Get<ClientService>().UpdateAsync(company, ClientBuilder.Company("Alfa 2"), 1));
    }

    /// <summary>The company's one primary contact; fails unless there is exactly one.</summary>
    private static async Task<long> PrimaryOfAsync(DomainHost host, long companyId)
    {
        await using var db = host.Db();
        var primaries = await db.ContactLinks.Where(l => l.CompanyId == companyId && l.IsPrimary).Select(l => l.PersonId).ToListAsync();
        return Assert.Single(primaries);
    }
}
