using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Every filter field and operator as the database runs it (DIR-4), and what the lists show of inactive and archived clients (DIR-5).</summary>
public class ClientFilterTests
{
    // A..E are listed companies created a day apart from 2026-11-26; C is deactivated; Z is archived; P is a person.
    private static async Task<(DomainHost Host, Dictionary<long, string> Letters)> SeededAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        var ids = await host.InsertAsync(
        [
            ClientBuilder.Company("Alfa Serwis", f => { f.City = "Łódź"; f.Country = "Polska"; f.Language = "pl"; f.Currency = "PLN"; f.Email = "biuro@alfa.pl"; }),
            ClientBuilder.Company("Beta Import", f => { f.City = "Lyon"; f.Country = "France"; f.Language = "fr"; f.IsSupplier = true; f.Email = ""; }),
            ClientBuilder.Company("Gamma Trade", f => { f.City = "Madrid"; f.Country = "España"; f.IsCustomer = false; f.IsSupplier = true; }),
            ClientBuilder.Company("100% Eco", f => { f.City = ""; f.Country = ""; f.Language = "en"; f.Currency = "GBP"; }),
            ClientBuilder.Company("1000 Eco", f => { f.City = ""; f.Country = ""; f.Language = "en"; f.Currency = "GBP"; }),
            ClientBuilder.Company("Zeta Archiwum", f => { f.City = "Łódź"; f.Country = "Polska"; f.Language = "pl"; f.Currency = "PLN"; }),
            ClientBuilder.Person("Ola", "Alfa", f => { f.City = "Łódź"; f.Country = "Polska"; }),
        ], TimeSpan.FromDays(1));
        await host.DeactivateAsync(ids[2]);
        await host.ArchiveAsync(ids[5]);
        return (host, new Dictionary<long, string> { [ids[0]] = "A", [ids[1]] = "B", [ids[2]] = "C", [ids[3]] = "D", [ids[4]] = "E", [ids[5]] = "Z", [ids[6]] = "P" });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_every_field_and_operator_selects_exactly_the_matching_clients(DatabaseProvider provider)
    {
        var (host, letters) = await SeededAsync(provider);
        await using var _ = host;
        var cases = new (string[] Rules, string Expected)[]
        {
            ([], "ABCDE"),
            (["active.eq.yes"], "ABDE"), (["active.eq.no"], "C"), (["active.ne.no"], "ABDE"), (["active.ne.yes"], "C"),
            (["role.eq.client"], "ABDE"), (["role.eq.supplier"], "BC"), (["role.ne.client"], "C"), (["role.ne.supplier"], "ADE"),
            (["name.contains.SERW"], "A"), (["name.eq.alfa serwis"], "A"), (["name.eq.alfa"], ""), (["name.starts.be"], "B"),
            (["name.starts.100%"], "D"), (["name.contains.0%"], "D"), (["name.empty"], ""), (["name.notempty"], "ABCDE"),
            (["email.contains.@ALFA"], "A"), (["email.eq.Biuro@alfa.pl"], "A"), (["email.starts.biuro"], "A"), (["email.empty"], "B"), (["email.notempty"], "ACDE"),
            (["city.contains.lodz"], "A"), (["city.eq.LYON"], "B"), (["city.starts.ma"], "C"), (["city.empty"], "DE"), (["city.notempty"], "ABC"),
            (["country.contains.espana"], "C"), (["country.eq.polska"], "A"), (["country.starts.FR"], "B"), (["country.empty"], "DE"), (["country.notempty"], "ABC"),
            (["language.eq.fr"], "B"), (["language.ne.en"], "ABC"), (["currency.eq.PLN"], "A"), (["currency.ne.EUR"], "ADE"),
            (["created.before.2026-11-27"], "A"), (["created.after.2026-11-27"], "CDE"), (["created.before.2026-11-26"], ""),
            (["created.after.2026-11-26", "created.before.2026-11-29"], "BC"),
            (["role.eq.supplier", "active.eq.yes"], "B"), (["city.empty", "currency.eq.GBP", "name.contains.eco"], "DE"),
        };
        foreach (var (rules, expected) in cases)
        {
            var rows = await host.WalkAsync(new ClientListRequest(ClientKind.Company, Filter: ClientFilter.Parse(rules), PageSize: 2));
            var found = string.Concat(rows.Select(r => letters[r.Id]).Order());
            Assert.True(expected == found, $"{string.Join(" & ", rules)}: expected '{expected}', found '{found}'");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_active_equals_no_lists_exactly_the_deactivated_clients_of_each_kind(DatabaseProvider provider)
    {
        var (host, letters) = await SeededAsync(provider);
        await using var _ = host;
        var person = letters.Single(l => l.Value == "P").Key;
        var directory = host.Get<ClientDirectory>();
        var inactive = ClientFilter.Parse(["active.eq.no"]);

        Assert.Empty((await directory.ListAsync(new ClientListRequest(ClientKind.Person, Filter: inactive))).Rows);
        await host.DeactivateAsync(person);

        var people = await directory.ListAsync(new ClientListRequest(ClientKind.Person, Filter: inactive));
        Assert.Equal((person, ClientStatus.Inactive), (Assert.Single(people.Rows).Id, people.Rows[0].Status));
        var companies = await directory.ListAsync(new ClientListRequest(ClientKind.Company, Filter: inactive));
        Assert.Equal(("C", 1), (letters[Assert.Single(companies.Rows).Id], companies.Total));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_5_deactivated_clients_stay_in_the_lists_marked_and_archived_ones_are_in_no_list_search_or_picker(DatabaseProvider provider)
    {
        var (host, letters) = await SeededAsync(provider);
        await using var _ = host;
        var directory = host.Get<ClientDirectory>();

        var all = await directory.ListAsync(new ClientListRequest(ClientKind.Company));
        Assert.Equal(5, all.Total);
        Assert.Equal("ABCDE", string.Concat(all.Rows.Select(r => letters[r.Id]).Order()));
        Assert.All(all.Rows, r => Assert.Equal(letters[r.Id] == "C" ? ClientStatus.Inactive : ClientStatus.Active, r.Status));

        Assert.Empty((await directory.ListAsync(new ClientListRequest(ClientKind.Company, Search: "zeta"))).Rows);
        Assert.Empty(await directory.PickAsync("zeta"));
        var inLodz = await directory.ListAsync(new ClientListRequest(ClientKind.Company, Filter: ClientFilter.Parse(["city.contains.lodz"])));
        Assert.Equal(["A"], inLodz.Rows.Select(r => letters[r.Id]));
        var gamma = Assert.Single(await directory.PickAsync("gamma"));
        Assert.Equal(ClientStatus.Inactive, gamma.Status);
        foreach (var sort in Enum.GetValues<ClientSortField>())
            Assert.DoesNotContain("Z", (await host.WalkAsync(new ClientListRequest(ClientKind.Company, Sort: sort, PageSize: 2))).Select(r => letters[r.Id]));
    }
}
