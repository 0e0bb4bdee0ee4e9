using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Listing;

/// <summary>Where a changed client sits in the lists: its kind, whether it is listed at all, and its sort keys.</summary>
public sealed record ClientPlace(long Id, ClientKind Kind, ClientStatus Status, string SortKey, string City, DateTime CreatedAt)
{
    public string KeyFor(ClientSortField sort) => ClientSortKey.Of(sort, SortKey, City, CreatedAt);
}

/// <summary>
/// Reads where a changed client sits, once per change for all the open lists of this instance (DIR-8): every
/// subscriber receives the same <see cref="Change"/> object, so thirty open tabs cost one primary-key read, not
/// thirty. A list uses it to ignore a change to a client that cannot enter the page it shows.
/// </summary>
public sealed class ClientPlacement(CrmDbContextFactory dbs, ChangeReads reads)
{
    public Task<ClientPlace?> PlaceAsync(Change change) =>
        change.Id is { } id ? reads.OnceAsync(change, "place", () => ReadAsync(id)) : Task.FromResult<ClientPlace?>(null);

    private async Task<ClientPlace?> ReadAsync(long id)
    {
        await using var db = dbs.CreateDbContext();
        return await db.Clients.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClientPlace(c.Id, c.Kind, c.Status, c.SortKey, c.City, c.CreatedAt)).FirstOrDefaultAsync();
    }
}
