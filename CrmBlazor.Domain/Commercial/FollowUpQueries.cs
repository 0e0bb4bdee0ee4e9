using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Commercial;

/// <summary>Reads for the Commercial tab, "My follow-ups" and the menu badge; every query reads at most a few hundred rows.</summary>
public sealed class FollowUpQueries(CrmDbContextFactory dbs, ICurrentActor actors, CommercialTime time)
{
    public const int GroupLimit = 100;
    public const int DoneLimit = 50;

    public async Task<ClientFollowUps> ForClientAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var open = db.FollowUps.Where(f => f.ClientId == clientId && f.CompletedAt == null).OrderBy(f => f.DueAt).ThenBy(f => f.Id).Take(GroupLimit * 2);
        var done = db.FollowUps.Where(f => f.ClientId == clientId && f.CompletedAt != null).OrderByDescending(f => f.CompletedAt).ThenByDescending(f => f.Id).Take(DoneLimit);
        return new ClientFollowUps(await RowsAsync(db, open, ct), await RowsAsync(db, done, ct));
    }

    /// <summary>The signed-in user's open follow-ups; an administrator may look at another salesperson's.</summary>
    public async Task<MyFollowUps> MineAsync(string? userId = null, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var who = userId ?? actor.UserId ?? string.Empty;
        if (who != actor.UserId && !actor.Roles.Contains(StaffRoles.Admin) && !actor.Roles.Contains(Actor.SystemRole)) throw new NotAllowedException();
        var (now, tomorrow) = Bounds();
        await using var db = dbs.CreateDbContext();
        var open = db.FollowUps.Where(f => f.AssignedUserId == who && f.CompletedAt == null);
        var overdue = open.Where(f => f.DueAt < now);
        var today = open.Where(f => f.DueAt >= now && f.DueAt < tomorrow);
        var upcoming = open.Where(f => f.DueAt >= tomorrow);
        return new MyFollowUps(
            await RowsAsync(db, First(overdue), ct), await overdue.CountAsync(ct),
            await RowsAsync(db, First(today), ct), await today.CountAsync(ct),
            await RowsAsync(db, First(upcoming), ct), await upcoming.CountAsync(ct));
    }

    /// <summary>The menu badge: the signed-in user's open follow-ups that are overdue or due before the organisation's day ends.</summary>
    public async Task<int> BadgeCountAsync(CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        if (!actor.IsStaff || actor.UserId is null) return 0;
        var (_, tomorrow) = Bounds();
        await using var db = dbs.CreateDbContext();
        return await db.FollowUps.CountAsync(f => f.AssignedUserId == actor.UserId && f.CompletedAt == null && f.DueAt < tomorrow, ct);
    }

    /// <summary>Who may be chosen as salesperson (sales and admin users, not removed).</summary>
    public async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await Assignees.ListAsync(db, ct);
    }

    public async Task<FollowUpRow?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return (await RowsAsync(db, db.FollowUps.Where(f => f.Id == id), ct)).SingleOrDefault();
    }

    private (DateTime Now, DateTime Tomorrow) Bounds() => (time.UtcNow, time.StartOfDayUtc(time.Today.AddDays(1)));

    private static IQueryable<FollowUp> First(IQueryable<FollowUp> q) => q.OrderBy(f => f.DueAt).ThenBy(f => f.Id).Take(GroupLimit);

    private async Task<List<FollowUpRow>> RowsAsync(CrmDbContext db, IQueryable<FollowUp> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var clientIds = rows.Select(f => f.ClientId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Status })
            .ToDictionaryAsync(c => c.Id, ct);
        var names = await Assignees.NamesAsync(db, rows.SelectMany(f => new[] { f.AssignedUserId, f.CompletedByUserId }), ct);
        var now = time.UtcNow;
        return rows.Select(f =>
        {
            var client = clients[f.ClientId];
            var (name, removed) = names.GetValueOrDefault(f.AssignedUserId, (string.Empty, true));
            return new FollowUpRow(f.Id, f.ClientId, client.Name, client.Status, f.Kind, f.DueAt, time.ToLocal(f.DueAt), f.AssignedUserId, name, removed,
                f.Notes, !f.IsDone && f.DueAt < now, f.CompletedAt is { } done ? time.ToLocal(done) : null, f.Outcome,
                f.CompletedByUserId is { } by ? names.GetValueOrDefault(by).Name : null, f.Version);
        }).ToList();
    }
}
