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

    private static async Task<IEnumerable<long>> SearchAsync(ClientDirectory directory, ClientKind kind, string term) =>
        (await directory.ListAsync(new ClientListRequest(kind, Search: term))).Rows.Select(r => r.Id);
}
