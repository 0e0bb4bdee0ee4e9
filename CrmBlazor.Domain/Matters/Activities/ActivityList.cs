using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>Reading activities (a matter's list, keyset paged) and the matters one may add an activity to (MAT-5, MAT-10).</summary>
public sealed class ActivityList(CrmDbContextFactory dbs, ICurrentActor actors)
{
    public const int MaxPageSize = 200;
    private const int PickerRows = 20;

    /// <summary>Newest first; each row with its client, or its shares when common. Three queries whatever the page size.</summary>
    public async Task<ActivityPage> ListAsync(long matterId, ActivityListRequest request, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        await using var db = dbs.CreateDbContext();
        var q = db.Activities.AsNoTracking().Where(a => a.MatterId == matterId);
        q = request.Filter switch
        {
            ActivityFilter.Unbilled => q.Where(a => a.BilledAt == null),
            ActivityFilter.Billed => q.Where(a => a.BilledAt != null),
            _ => q,
        };
        if (request.After is { } after) q = q.Where(a => a.Date < after.Date || (a.Date == after.Date && a.Id < after.Id));
        var rows = await (from a in q
                          join u in db.Users on a.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          join c in db.Clients on a.ClientId equals c.Id into clients
                          from c in clients.DefaultIfEmpty()
                          orderby a.Date descending, a.Id descending
                          select new ActivityRow(a.Id, a.Kind, a.Date, a.UserId, u == null ? a.UserId : u.DisplayName, a.DurationMinutes, a.HourlyRateMinor,
                              a.AmountMinor, a.Description, a.Billable, a.ClientId, c == null ? null : c.Name, a.BilledAt, a.DocumentId, a.Version))
            .Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);

        var common = rows.Where(r => r.IsCommon).Select(r => r.Id).ToArray();
        var shares = common.Length == 0 ? [] : await (from s in db.ActivityShares
                                                      join c in db.Clients on s.ClientId equals c.Id
                                                      where EF.Parameter(common).Contains(s.ActivityId)
                                                      select new { s.ActivityId, View = new ActivityShareView(s.ClientId, c.Name, s.AmountMinor) }).ToListAsync(ct);
        var byActivity = shares.GroupBy(s => s.ActivityId).ToDictionary(g => g.Key, g => (IReadOnlyList<ActivityShareView>)g.Select(s => s.View).OrderBy(v => v.ClientName).ToList());
        var result = rows.Select(r => byActivity.TryGetValue(r.Id, out var parts) ? r with { Shares = parts } : r).ToList();
        return new ActivityPage(result, more ? new ActivityCursor(result[^1].Date, result[^1].Id) : null);
    }

    /// <summary>
    /// From a client's or contact's page (MAT-10): open matters where it is an active party and that are not blocked.
    /// The client's own status does not matter (DEA-7): a deactivated client still active on a matter is offered.
    /// </summary>
    public async Task<IReadOnlyList<MatterOption>> MattersForClientAsync(long clientId, string? search = null, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var q = Open(db).Where(m => db.MatterParties.Any(p => p.MatterId == m.Id && p.ClientId == clientId && p.IsActive));
        return await PickAsync(q, search, ct);
    }

    /// <summary>The top bar "+" → Activity matter list: open matters that are not blocked (MAT-5).</summary>
    public async Task<IReadOnlyList<MatterOption>> MattersOpenForActivitiesAsync(string? search = null, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await PickAsync(Open(db), search, ct);
    }

    /// <summary>Transfer destinations: open matters that are not blocked, other than the source (MAT-9).</summary>
    public async Task<IReadOnlyList<MatterOption>> TransferDestinationsAsync(long fromMatterId, string? search = null, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await PickAsync(Open(db).Where(m => m.Id != fromMatterId), search, ct);
    }

    private static IQueryable<Matter> Open(CrmDbContext db) =>
        db.Matters.AsNoTracking().Where(m => m.Status == MatterStatus.Open).WhereNotBlocked(db);

    private static async Task<IReadOnlyList<MatterOption>> PickAsync(IQueryable<Matter> q, string? search, CancellationToken ct)
    {
        var text = search?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(text)) q = q.Where(m => m.Number.ToLower().Contains(text) || m.Title.ToLower().Contains(text));
        return await q.OrderByDescending(m => m.Number).Take(PickerRows).Select(m => new MatterOption(m.Id, m.Number, m.Title)).ToListAsync(ct);
    }
}
