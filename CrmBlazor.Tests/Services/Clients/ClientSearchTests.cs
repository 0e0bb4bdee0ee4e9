using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Search on the server over name, email, phone, VAT id and city, ignoring case and accents (DIR-3), and pickers.</summary>
public class ClientSearchTests
{
    private static async Task<DomainHost> SeededAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.InsertAsync(
        [
            ClientBuilder.Company("Société Générale de Fret", f => { f.City = "Łódź"; f.Email = "Biuro@Fret.PL"; f.Phone = "+48 (42) 123-45-67"; f.VatId = "PL7251234567"; }),
            ClientBuilder.Company("Astillero Norte SL", f => { f.City = "Bilbao"; f.Email = "ventas@astillero.es"; f.Phone = "+34 944 000 111"; f.VatId = "ESB12345678"; }),
            ClientBuilder.Company("100% Eco", f => { f.City = "Nantes"; f.Email = "eco@example.fr"; f.Phone = ""; f.VatId = ""; }),
            ClientBuilder.Company("1000 Eco_Bois", f => { f.City = "Nantes"; f.Email = "bois@example.fr"; f.Phone = ""; f.VatId = ""; }),
            ClientBuilder.Person("Łukasz", "Żółć", f => f.City = "Łódź"),
        ]);
        return host;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_search_finds_by_name_email_phone_digits_vat_id_and_city_ignoring_case_and_accents(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var cases = new Dictionary<string, string[]>
        {
            ["SOCIETE generale"] = ["Société Générale de Fret"],
            ["lodz"] = ["Société Générale de Fret"],
            ["ŁÓDŹ"] = ["Société Générale de Fret"],
            ["biuro@fret.pl"] = ["Société Générale de Fret"],
            ["4212345"] = ["Société Générale de Fret"],
            ["944 000"] = ["Astillero Norte SL"],
            ["944000111"] = ["Astillero Norte SL"],
            ["+34944000111"] = ["Astillero Norte SL"],
            ["944-000-111"] = ["Astillero Norte SL"],
            ["+48 42 1234567"] = ["Société Générale de Fret"],
            ["esb1234"] = ["Astillero Norte SL"],
            ["pl7251"] = ["Société Générale de Fret"],
            ["  Bilbao "] = ["Astillero Norte SL"],
            ["nantes"] = ["100% Eco", "1000 Eco_Bois"],
            ["100%"] = ["100% Eco"],
            ["o_b"] = ["1000 Eco_Bois"],
            ["zolc"] = [],
            ["nowhere"] = [],
        };
        foreach (var (search, expected) in cases)
        {
            var page = await host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Company, Search: search));
            Assert.True(expected.Order().SequenceEqual(page.Rows.Select(r => r.Name).Order()), $"'{search}' found {string.Join(", ", page.Rows.Select(r => r.Name))}");
            Assert.Equal((expected.Length, false), (page.Total, page.TotalIsCapped));
        }
        var people = await host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Person, Search: "lukasz ZOLC"));
        Assert.Equal("Łukasz Żółć", Assert.Single(people.Rows).Name);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_search_and_filter_combine_and_an_overlong_search_is_refused(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var directory = host.Get<ClientDirectory>();

        var page = await directory.ListAsync(new ClientListRequest(ClientKind.Company, Search: "eco",
            Filter: ClientFilter.Parse(["name.starts.100%"])));
        Assert.Equal("100% Eco", Assert.Single(page.Rows).Name);

        var error = await Expect.RefusedAsync(() => directory.ListAsync(new ClientListRequest(ClientKind.Company, Search: new string('a', 101))),
            "Error.SearchTooLong");
        Assert.Equal("search", error.Field);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_pickers_return_at_most_the_requested_rows_sorted_and_mark_inactive_clients(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var directory = host.Get<ClientDirectory>();
        await host.BulkCompaniesAsync(60);
        var astillero = (await directory.PickAsync("astillero")).Single().Id;
        await host.DeactivateAsync(astillero);

        Assert.Equal(3, (await directory.PickAsync("bulk", take: 3)).Count);
        Assert.Equal(50, (await directory.PickAsync(null, take: 1000)).Count);
        Assert.Single(await directory.PickAsync("", take: 0));

        Assert.Equal("Société Générale de Fret", Assert.Single(await directory.PickAsync("(42) 123 45 67")).Name);
        var picked = await directory.PickAsync("ASTILLERO");
        Assert.Equal((astillero, ClientStatus.Inactive), (Assert.Single(picked).Id, picked[0].Status));

        var inLodz = await directory.PickAsync("lodz");
        Assert.Equal(["Société Générale de Fret", "Łukasz Żółć"], inLodz.Select(o => o.Name));
        Assert.Equal("Łukasz Żółć", Assert.Single(await directory.PickAsync("lodz", ClientKind.Person)).Name);
        Assert.Equal(["Bulk 1", "Bulk 10", "Bulk 11"], (await directory.PickAsync("bulk 1", take: 3)).Select(o => o.Name));
    }
}
