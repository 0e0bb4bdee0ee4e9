using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>
/// The search indexes (SQLite FTS5 trigram tables kept by triggers, PostgreSQL pg_trgm) must find exactly
/// what a plain "SearchText contains" finds, before and after edits and deletes.
/// </summary>
public class ClientSearchIndexTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_search_follows_creates_edits_and_deletes(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var directory = host.Get<ClientDirectory>();
        var companyId = await clients.CreateAsync(ClientBuilder.Company("Chantier Naval Dupont"));
        var personId = await clients.CreateAsync(ClientBuilder.Person("Jan", "Kowalski"));

        Assert.Equal([companyId], await SearchAsync(directory, ClientKind.Company, "naval"));
        Assert.Equal([personId], await SearchAsync(directory, ClientKind.Person, "OWALSK"));
        Assert.Empty(await SearchAsync(directory, ClientKind.Company, "owalsk"));
        Assert.Equal([personId], (await directory.PickAsync("kowal")).Select(o => o.Id));

        var company = await clients.GetAsync(companyId);
        await clients.UpdateAsync(companyId, ClientBuilder.Company("Astillero Łódź"), company!.Version);
        Assert.Empty(await SearchAsync(directory, ClientKind.Company, "naval"));
        Assert.Equal([companyId], await SearchAsync(directory, ClientKind.Company, "lodz"));

        await using (var db = host.Db())
        {
            await db.Clients.Where(c => c.Id == personId).ExecuteDeleteAsync();
        }
        Assert.Empty(await SearchAsync(directory, ClientKind.Person, "kowal"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_both_index_query_shapes_match_a_plain_contains(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = host.Db())
        {
            db.Clients.AddRange(
                Client.Create(ClientBuilder.Company("Bar \"Ana\" y Mariana"), now),
                Client.Create(ClientBuilder.Company("Kowalski Sp. z o.o.", f => f.City = "Kraków"), now),
                Client.Create(ClientBuilder.Company("Ananas Export", f => f.City = "Málaga"), now),
                Client.Create(ClientBuilder.Person("Ana", "Marín"), now),
                Client.Create(ClientBuilder.Person("Mariusz", "Kowal"), now),
                Client.Create(ClientBuilder.Person("Zoë", "Dupont", f => f.Phone = "+33 612 345 678"), now));
            await db.SaveChangesAsync();
        }

        string[] terms = ["ana", "ANA", "kow", "ak", "a", "mar", "\"ana\"", "ana\" y", "malaga", "krakow", "zoe", "612 345", "612345", "x\"", "no such"];
        await using var check = host.Db();
        var found = 0;
        foreach (var kind in new[] { ClientKind.Company, ClientKind.Person })
        foreach (var term in terms)
        {
            var folded = SearchText.Fold(term);
            var all = check.Clients.AsNoTracking().Where(c => c.Kind == kind);
            var expected = await all.Where(c => c.SearchText.Contains(folded)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var joined = await ClientSearchIndex.Where(check, all, kind, folded, dense: false).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var filtered = await ClientSearchIndex.Where(check, all, kind, folded, dense: true).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            Assert.True(expected.SequenceEqual(joined), $"{kind} \"{term}\": index join differs");
            Assert.True(expected.SequenceEqual(filtered), $"{kind} \"{term}\": index filter differs");
            found += expected.Count;
        }
        Assert.True(found > 10, "the terms should find something");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_3_a_search_read_page_by_page_either_way_lists_every_match_once_in_name_order(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = host.Db())
        {
            Client Person(string first, string last, string city = "Gdańsk") =>
                Client.Create(ClientBuilder.Person(first, last, f => f.City = city), now);
            db.Clients.AddRange(
                Person("Mariusz", "Kowal"),
                Person("Anna", "Kowalska"),
                Person("Jan", "Kowalski"),
                Person("Jan", "Kowalski"),
                Person("Ewa", "Nowak", city: "Kowary"),
                Person("Adam", "Abakowski"),
                Person("Piotr", "Zych"),
                Client.Create(ClientBuilder.Company("Kowalski Sp. z o.o."), now));
            await db.SaveChangesAsync();
        }
        var directory = host.Get<ClientDirectory>();
        await using var check = host.Db();
        var matches = check.Clients.AsNoTracking().Where(c => c.Kind == ClientKind.Person && c.SearchText.Contains("kow"));
        var expected = await matches.OrderBy(c => c.SortKey).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(6, expected.Count);

        foreach (var descending in new[] { false, true })
        {
            var request = new ClientListRequest(ClientKind.Person, Search: "KOW", Descending: descending, PageSize: 2);
            var listed = new List<long>();
            ClientCursor? cursor = null;
            do
            {
                var page = await directory.ListAsync(request with { After = cursor });
                Assert.Equal(6, page.Total);
                listed.AddRange(page.Rows.Select(r => r.Id));
                cursor = page.Next;
            }
            while (cursor is not null);
            Assert.Equal(descending ? Enumerable.Reverse(expected) : expected, listed);
        }
    }

    private static async Task<IEnumerable<long>> SearchAsync(ClientDirectory directory, ClientKind kind, string term) =>
        (await directory.ListAsync(new ClientListRequest(kind, Search: term))).Rows.Select(r => r.Id);
}
