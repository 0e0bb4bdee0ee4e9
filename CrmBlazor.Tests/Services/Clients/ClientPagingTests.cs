using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Server-side sorting, keyset paging and counting of the client lists (DIR-3).</summary>
public class ClientPagingTests
{
    private static readonly string[] Names = ["Delta", "alfa", "Charlie", "delta", "Bravo", "Echo", "Delta", "Golf", "foxtrot", "Hotel", "Bravo", "India", "Juliett"];
    private static readonly string[] Cities = ["Lyon", "Bilbao", "Lyon", "Madrid", "", "Bilbao", "Lyon", "Nantes", "Lyon", "Arras", "", "Madrid", "Lyon"];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_keyset_pages_are_consecutive_and_disjoint_for_every_sort_field_and_direction(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        // Created times come in groups of three equal values, names and cities repeat: pages must break ties by id.
        var forms = Names.Select((name, i) => ClientBuilder.Company(name, f => f.City = Cities[i])).ToList();
        var ids = new List<long>();
        for (var i = 0; i < forms.Count; i += 3)
        {
            ids.AddRange(await host.InsertAsync(forms.Skip(i).Take(3)));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await host.InsertAsync([ClientBuilder.Person("Not", "Listed")]);

        foreach (var sort in Enum.GetValues<ClientSortField>())
        {
            foreach (var descending in new[] { false, true })
            {
                var rows = await host.WalkAsync(new ClientListRequest(ClientKind.Company, Sort: sort, Descending: descending, PageSize: 4));

                var expected = Expected(await AllAsync(host), sort, descending);
                Assert.True(expected.SequenceEqual(rows.Select(r => r.Id)), $"{sort} descending={descending}: {string.Join(",", rows.Select(r => r.Id))}");
            }
        }
        Assert.Equal(ids.Order(), (await AllAsync(host)).Select(r => r.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_a_page_is_never_larger_than_the_maximum_nor_smaller_than_one_row(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.BulkCompaniesAsync(ClientListRequest.MaxPageSize + 5);
        var directory = host.Get<ClientDirectory>();

        var huge = await directory.ListAsync(new ClientListRequest(ClientKind.Company, PageSize: 100_000));
        Assert.Equal(ClientListRequest.MaxPageSize, huge.Rows.Count);
        Assert.NotNull(huge.Next);
        var rest = await directory.ListAsync(new ClientListRequest(ClientKind.Company, After: huge.Next, PageSize: 100_000));
        Assert.Equal(5, rest.Rows.Count);
        Assert.Null(rest.Next);

        var tiny = await directory.ListAsync(new ClientListRequest(ClientKind.Company, PageSize: 0));
        Assert.Single(tiny.Rows);
        Assert.Equal(ClientListRequest.MaxPageSize + 5, tiny.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_totals_are_exact_up_to_the_cap_and_marked_capped_beyond_it(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var directory = host.Get<ClientDirectory>();
        await host.BulkCompaniesAsync(ClientDirectory.TotalCap);
        await host.InsertAsync([ClientBuilder.Person()]);

        var atCap = await directory.ListAsync(new ClientListRequest(ClientKind.Company, PageSize: 10));
        Assert.Equal((ClientDirectory.TotalCap, false), (atCap.Total, atCap.TotalIsCapped));

        await host.InsertAsync([ClientBuilder.Company("One more")]);
        var beyond = await directory.ListAsync(new ClientListRequest(ClientKind.Company, PageSize: 10));
        Assert.Equal((ClientDirectory.TotalCap, true), (beyond.Total, beyond.TotalIsCapped));
        Assert.Equal(10, beyond.Rows.Count);

        var searched = await directory.ListAsync(new ClientListRequest(ClientKind.Company, Search: "bulk 99"));
        Assert.Equal((111, false), (searched.Total, searched.TotalIsCapped)); // 99, 990-999, 9900-9999
        var persons = await directory.ListAsync(new ClientListRequest(ClientKind.Person));
        Assert.Equal((1, false), (persons.Total, persons.TotalIsCapped));
    }

    private static async Task<List<ClientRow>> AllAsync(DomainHost host) =>
        (await host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Company, PageSize: ClientListRequest.MaxPageSize))).Rows.ToList();

    private static IEnumerable<long> Expected(IEnumerable<ClientRow> rows, ClientSortField sort, bool descending)
    {
        var ordered = sort switch
        {
            ClientSortField.City => rows.OrderBy(r => r.City, StringComparer.Ordinal).ThenBy(r => r.Id),
            ClientSortField.Created => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.SortKey, StringComparer.Ordinal).ThenBy(r => r.Id),
        };
        var ids = ordered.Select(r => r.Id);
        return descending ? ids.Reverse() : ids;
    }
}
