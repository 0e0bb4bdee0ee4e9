using CrmBlazor.Domain.Clients.Lifecycle;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Commercial;

/// <summary>The deals board, the list and a client's deals; no query reads more than <see cref="ListLimit"/> rows.</summary>
public sealed class DealQueries(CrmDbContextFactory dbs, ICurrentActor actors)
{
    public const int ColumnLimit = 80;
    public const int ListLimit = 200;
    public const int ClientLimit = 50;

    /// <summary>One column per stage, in order, each with its first cards by expected close (undated last), count and totals.</summary>
    public async Task<IReadOnlyList<DealColumn>> BoardAsync(string? ownerUserId = null, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var deals = Owned(db, ownerUserId);
        var sums = await deals.GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new { g.Key.Stage, g.Key.Currency, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) }).ToListAsync(ct);
        // Per column: the dated deals by close date (the (Stage, ExpectedClose, Id) index serves it), then undated ones if room is
        // left. NULLs sort first on SQLite and last on PostgreSQL, so they are read apart to give both the same order.
        var perStage = new Dictionary<DealStage, List<Deal>>();
        foreach (var stage in Enum.GetValues<DealStage>())
        {
            var column = await deals.Where(d => d.Stage == stage && d.ExpectedClose != null)
                .OrderBy(d => d.ExpectedClose).ThenBy(d => d.Id).Take(ColumnLimit).ToListAsync(ct);
            if (column.Count < ColumnLimit)
                column.AddRange(await deals.Where(d => d.Stage == stage && d.ExpectedClose == null).OrderBy(d => d.Id).Take(ColumnLimit - column.Count).ToListAsync(ct));
            perStage[stage] = column;
        }
        // The columns are read one after another: a deal a colleague moves meanwhile can show in two of them. It is shown
        // once here; the move's own change reloads the board right after, from its new place.
        var placed = new HashSet<long>();
        foreach (var stage in Enum.GetValues<DealStage>()) perStage[stage].RemoveAll(d => !placed.Add(d.Id));
        var cards = (await CardsAsync(db, perStage.Values.SelectMany(c => c).ToList(), ct)).ToDictionary(c => c.Id);
        var columns = new List<DealColumn>();
        foreach (var stage in Enum.GetValues<DealStage>())
        {
            var column = perStage[stage];
            var mine = sums.Where(s => s.Stage == stage).OrderBy(s => s.Currency).ToList();
            columns.Add(new DealColumn(stage, column.Select(d => cards[d.Id]).ToList(), mine.Sum(s => s.Count),
                mine.Select(s => new MoneyTotal(s.Currency, s.Amount)).ToList()));
        }
        return columns;
    }

    public async Task<DealListPage> ListAsync(DealListRequest request, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var deals = Owned(db, request.OwnerUserId);
        if (request.Stage is { } stage) deals = deals.Where(d => d.Stage == stage);
        var sorted = (request.Sort, request.Descending) switch
        {
            // Amounts compare only within a currency: grouped by currency, then by amount.
            (DealSort.Amount, false) => deals.OrderBy(d => d.Currency).ThenBy(d => d.AmountMinor).ThenBy(d => d.Id),
            (DealSort.Amount, true) => deals.OrderBy(d => d.Currency).ThenByDescending(d => d.AmountMinor).ThenBy(d => d.Id),
            (DealSort.Title, false) => deals.OrderBy(d => d.Title).ThenBy(d => d.Id),
            (DealSort.Title, true) => deals.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
            // Undated deals last either way: they have no close to sort by.
            (_, false) => deals.OrderBy(d => d.ExpectedClose == null).ThenBy(d => d.ExpectedClose).ThenBy(d => d.Id),
            (_, true) => deals.OrderBy(d => d.ExpectedClose == null).ThenByDescending(d => d.ExpectedClose).ThenBy(d => d.Id),
        };
        return new DealListPage(await CardsAsync(db, sorted.Take(ListLimit), ct), await deals.CountAsync(ct));
    }

    public async Task<IReadOnlyList<DealCard>> ForClientAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await CardsAsync(db, db.Deals.Where(d => d.ClientId == clientId).OrderBy(d => d.Stage).ThenBy(d => d.Id).Take(ClientLimit), ct);
    }

    public async Task<DealCard?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return (await CardsAsync(db, db.Deals.Where(d => d.Id == id), ct)).SingleOrDefault();
    }

    /// <summary>Whether a client has deals (an archived client's included), of one owner when given: a client change matters to the board only then.</summary>
    public async Task<bool> ClientHasDealsAsync(long clientId, string? ownerUserId = null, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Deals.AnyAsync(d => d.ClientId == clientId && (string.IsNullOrEmpty(ownerUserId) || d.OwnerUserId == ownerUserId), ct);
    }

    /// <summary>Owners for the list's filter: assignable users (removed owners' deals still show, under their name).</summary>
    public async Task<IReadOnlyList<AssigneeOption>> OwnersAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await Assignees.ListAsync(db, ct);
    }

    private static IQueryable<Deal> Owned(CrmDbContext db, string? ownerUserId)
    {
        // Deals of archived clients leave the board and the list with their client; they come back on restore.
        var archived = db.Clients.Where(c => c.Status == Clients.ClientStatus.Archived).Select(c => c.Id);
        var deals = db.Deals.AsNoTracking().Where(d => !archived.Contains(d.ClientId));
        return string.IsNullOrEmpty(ownerUserId) ? deals : deals.Where(d => d.OwnerUserId == ownerUserId);
    }

    /// <summary>Keeps the query's order: the rows are read first, their clients' and owners' names after.</summary>
    private static async Task<IReadOnlyList<DealCard>> CardsAsync(CrmDbContext db, IQueryable<Deal> query, CancellationToken ct) =>
        await CardsAsync(db, await query.AsNoTracking().ToListAsync(ct), ct);

    private static async Task<IReadOnlyList<DealCard>> CardsAsync(CrmDbContext db, List<Deal> deals, CancellationToken ct)
    {
        var clientIds = deals.Select(d => d.ClientId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        var owners = await Assignees.NamesAsync(db, deals.Select(d => d.OwnerUserId), ct);
        return deals.Select(d =>
        {
            var (owner, removed) = owners.GetValueOrDefault(d.OwnerUserId, (string.Empty, true));
            var client = clients[d.ClientId];
            return new DealCard(d.Id, d.Title, d.ClientId, client.Name, client.Status, d.AmountMinor, d.Currency, d.Stage, d.OwnerUserId, owner, removed,
                d.ExpectedClose, d.QuoteDocumentId, d.Version);
        }).ToList();
    }
}
