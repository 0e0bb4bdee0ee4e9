using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients;

public sealed record SavedFilterView(long Id, string Name, bool IsShared, bool IsMine, string Query);

/// <summary>Named filters (DIR-4): each user's own, plus those shared with everyone.</summary>
public sealed class SavedFilterService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public const int NameMax = 100;

    public async Task<IReadOnlyList<SavedFilterView>> ListAsync(ClientKind listKind, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var me = actor.UserId ?? string.Empty;
        await using var db = dbs.CreateDbContext();
        return await db.SavedFilters.AsNoTracking()
            .Where(f => f.ListKind == listKind && (f.OwnerUserId == me || f.IsShared))
            .OrderBy(f => f.Name).Take(200)
            .Select(f => new SavedFilterView(f.Id, f.Name, f.IsShared, f.OwnerUserId == me, f.Query))
            .ToListAsync(ct);
    }

    /// <summary>Saves the filter under a name; saving again under the same name replaces the user's own filter.</summary>
    public async Task<long> SaveAsync(ClientKind listKind, string name, ClientFilter filter, bool shared, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0) throw ValidationFailedException.For("FilterName", "Error.Required");
        if (name.Length > NameMax) throw ValidationFailedException.For("FilterName", $"Error.TooLong|{NameMax}");
        if (filter.Rules.Count == 0) throw ValidationFailedException.For("FilterName", "Error.FilterEmpty");
        var owner = actor.UserId ?? throw new NotAllowedException();

        await using var db = dbs.CreateDbContext();
        var existing = await db.SavedFilters.FirstOrDefaultAsync(f => f.OwnerUserId == owner && f.ListKind == listKind && f.Name == name, ct);
        if (existing is not null) db.SavedFilters.Remove(existing);
        var saved = new SavedFilter(listKind, name, owner, shared, filter.ToStored(), clock.GetUtcNow().UtcDateTime);
        db.SavedFilters.Add(saved);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.SavedFilter, saved.Id, owner));
        return saved.Id;
    }

    public async Task DeleteAsync(long id, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        await using var db = dbs.CreateDbContext();
        var filter = await db.SavedFilters.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException("Error.FilterNotFound");
        if (filter.OwnerUserId != actor.UserId) throw new NotAllowedException();
        db.SavedFilters.Remove(filter);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.SavedFilter, id, actor.UserId));
    }
}
