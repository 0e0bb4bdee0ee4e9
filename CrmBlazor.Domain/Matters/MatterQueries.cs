using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

/// <summary>The read side of matters: the list, a matter's page, its timeline, a client's matters, the user pickers.</summary>
public sealed class MatterQueries(CrmDbContextFactory dbs, ICurrentActor actors)
{
    public const int SearchMax = 100;
    private const int RowLimit = 200;

    /// <summary>Newest number first, keyset paged by number; search in number and title (case-insensitive).</summary>
    public async Task<MatterPage> ListAsync(MatterListRequest request, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        var size = Math.Clamp(request.PageSize, 1, 100);
        await using var db = dbs.CreateDbContext();
        var q = db.Matters.AsNoTracking();
        if (request.Filter == MatterFilter.Open) q = q.Where(m => m.Status == MatterStatus.Open);
        else if (request.Filter == MatterFilter.Closed) q = q.Where(m => m.Status == MatterStatus.Closed);
        var term = (request.Search ?? string.Empty).Trim();
        if (term.Length > SearchMax) term = term[..SearchMax];
        if (term.Length > 0)
        {
            var pattern = "%" + term.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(m => EF.Functions.Like(m.Number, pattern, "\\") || EF.Functions.Like(m.Title.ToLower(), pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(request.After)) q = q.Where(m => string.Compare(m.Number, request.After) < 0);
        var rows = await q.OrderByDescending(m => m.Number).Take(size + 1)
            .Select(m => new
            {
                m.Id, m.Number, m.Title, m.ResponsibleUserId, m.Status, m.CreatedAt,
            }).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var ids = page.Select(r => r.Id).ToList();
        var clients = await (from p in db.MatterParties
                             join c in db.Clients on p.ClientId equals c.Id
                             where ids.Contains(p.MatterId) && p.Role == PartyRole.Client
                             orderby p.Id
                             select new { p.MatterId, c.Name, p.IsActive }).ToListAsync(ct);
        var users = await UserNamesAsync(db, page.Select(r => r.ResponsibleUserId), ct);
        var result = page.Select(r =>
        {
            var own = clients.Where(c => c.MatterId == r.Id).ToList();
            return new MatterRow(r.Id, r.Number, r.Title, users.GetValueOrDefault(r.ResponsibleUserId, "—"), r.Status,
                MatterBlocking.IsBlocked(own.Select(c => (PartyRole.Client, c.IsActive))), own.Select(c => c.Name).ToList(), r.CreatedAt);
        }).ToList();
        return new MatterPage(result, rows.Count > size ? page[^1].Number : null);
    }

    /// <summary>A matter's page; null when it does not exist (any more).</summary>
    public async Task<MatterDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var m = await db.Matters.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Number, x.Title, x.ResponsibleUserId, x.Currency, x.Status, x.CreatedAt, x.Version })
            .SingleOrDefaultAsync(ct);
        if (m is null) return null;
        var parties = await (from p in db.MatterParties
                             join c in db.Clients on p.ClientId equals c.Id
                             where p.MatterId == id
                             orderby p.Role, p.Id
                             select new { p.ClientId, c.Name, c.Kind, c.Status, p.Role, p.IsActive, p.SharedOnPortal }).ToListAsync(ct);
        // MAT-4: billable work not billed yet, attributed to the client or common to the matter.
        var unbilled = db.Activities.Where(a => a.MatterId == id && a.Billable && a.BilledAt == null);
        var attributed = await unbilled.Where(a => a.ClientId != null).GroupBy(a => a.ClientId!.Value)
            .Select(g => new { ClientId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ClientId, g => g.Count, ct);
        var common = await unbilled.CountAsync(a => a.ClientId == null, ct);
        var intervenants = await (from i in db.MatterIntervenants
                                  join u in db.Users on i.UserId equals u.Id
                                  where i.MatterId == id
                                  orderby u.DisplayName
                                  select new IntervenantView(u.Id, u.DisplayName)).ToListAsync(ct);
        var responsible = (await UserNamesAsync(db, [m.ResponsibleUserId], ct)).GetValueOrDefault(m.ResponsibleUserId, "—");
        var activities = await db.Activities.CountAsync(a => a.MatterId == id, ct);
        var views = parties.Select(p => new PartyView(p.ClientId, p.Name, p.Kind, p.Status, p.Role, p.IsActive, p.SharedOnPortal,
            p.Role == PartyRole.Client ? attributed.GetValueOrDefault(p.ClientId) + common : 0)).ToList();
        return new MatterDetail(m.Id, m.Number, m.Title, m.ResponsibleUserId, responsible, m.Currency, m.Status, m.CreatedAt, m.Version,
            MatterBlocking.IsBlocked(views.Select(v => (v.Role, v.IsActive))), views, intervenants, activities);
    }

    /// <summary>The matter's own timeline, newest first; <paramref name="beforeId"/> continues after the last line shown.</summary>
    public async Task<IReadOnlyList<HistoryItem>> TimelineAsync(long matterId, long? beforeId = null, int take = 50, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var q = db.History.AsNoTracking().Where(e => e.MatterId == matterId);
        if (beforeId is { } before) q = q.Where(e => e.Id < before);
        return await q.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, RowLimit))
            .Select(e => new HistoryItem(e.Id, e.Kind, e.At, e.ActorName, e.Text, e.Data, e.MatterId)).ToListAsync(ct);
    }

    /// <summary>Every matter where the client is a party, with its role and its own flag there (for the client's page).</summary>
    public async Task<IReadOnlyList<ClientMatterRow>> ForClientAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await (from p in db.MatterParties
                      join m in db.Matters on p.MatterId equals m.Id
                      where p.ClientId == clientId
                      orderby m.Number descending
                      select new ClientMatterRow(m.Id, m.Number, m.Title, m.Status, p.Role, p.IsActive,
                          !db.MatterParties.Any(o => o.MatterId == m.Id && o.Role == PartyRole.Client && o.IsActive)))
            .Take(RowLimit).ToListAsync(ct);
    }

    /// <summary>Staff users for the responsible and intervenant pickers, by name.</summary>
    public async Task<IReadOnlyList<StaffUserOption>> StaffUsersAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Take(RowLimit)
            .Select(u => new StaffUserOption(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private static async Task<Dictionary<string, string>> UserNamesAsync(CrmDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
