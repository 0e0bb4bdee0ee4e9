using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Activities;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Split;

/// <summary>
/// Reading and saving a matter's client split (MAT-6, MAT-7, MAT-8). Saving is four commands whatever the number of
/// activities: the matter's clients, the version check, the splitter, the history lines.
/// </summary>
public sealed class SplitService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<SplitView> GetAsync(long matterId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var gate = await MatterGate.LoadAsync(db, matterId, ct);
        var common = UnbilledCommon(db, matterId);
        var totals = await common.GroupBy(a => 1).Select(g => new { Count = g.Count(), Amount = g.Sum(a => a.AmountMinor) }).SingleOrDefaultAsync(ct);
        var amounts = await db.ActivityShares.Where(s => common.Select(a => a.Id).Contains(s.ActivityId))
            .GroupBy(s => s.ClientId).Select(g => new { ClientId = g.Key, Amount = g.Sum(s => s.AmountMinor) }).ToDictionaryAsync(x => x.ClientId, x => x.Amount, ct);
        var active = gate.Active;
        // A split not stored yet (or out of step with the active clients) shows as it will be: equal.
        var parts = gate.SplitIsCurrent ? active.Select(c => new SplitPart(c.ClientId, c.BasisPoints ?? 0)).ToList()
            : ActivitySplitter.Equal(active.Select(c => c.ClientId).ToList());
        return new SplitView(matterId, gate.Number, gate.Currency, gate.IsBlocked, gate.Version, totals?.Amount ?? 0, totals?.Count ?? 0,
            active.Zip(parts, (c, p) => new SplitClient(c.ClientId, c.Name, c.Status, p.BasisPoints / 100m, amounts.GetValueOrDefault(c.ClientId))).ToList());
    }

    /// <summary>
    /// The amount each client would get with the typed percentages (in the order given, which is the dialog's party
    /// order), computed exactly as the save will: one aggregate query over the unbilled common activities.
    /// </summary>
    public async Task<IReadOnlyList<long>> PreviewAsync(long matterId, IReadOnlyList<SplitPercent> percents, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        if (percents.Count == 0 || percents.Any(p => p.Percent < 0 || p.Percent > 100 || decimal.Round(p.Percent, 2) != p.Percent))
            return percents.Select(_ => 0L).ToList();
        var parts = percents.Select(p => new SplitPart(p.ClientId, (int)(p.Percent * 100))).ToList();
        await using var db = dbs.CreateDbContext();
        // The last sum, at 10,000 basis points, is the whole: what is left over after the rounded-down parts goes to the taker.
        var floors = await SplitSql.FloorSumsAsync(db, matterId, [.. parts.Select(p => p.BasisPoints), MatterSplit.Whole], ct);
        var taker = ActivitySplitter.RemainderTaker(parts);
        var left = parts.Sum(p => p.BasisPoints) == MatterSplit.Whole ? floors[^1] - floors.Take(parts.Count).Sum() : 0;
        return parts.Select((p, i) => floors[i] + (p.ClientId == taker ? left : 0)).ToList();
    }

    public async Task SaveAsync(long matterId, IReadOnlyList<SplitPercent> percents, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var gate = await MatterGate.LoadAsync(db, matterId, ct);
        gate.EnsureNotBlocked();
        var parts = Validate(gate, percents);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checks the version the dialog showed and takes the matter's write lock before anything else.
        var bumped = await db.Matters.Where(m => m.Id == matterId && m.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, m => m.Version + 1).SetProperty(m => m.UpdatedAt, now), ct);
        if (bumped == 0) throw new ConcurrencyConflictException("Error.SplitMatterChanged");
        await ActivitySplitter.ReplaceAsync(db, matterId, parts, ct, sameClients: gate.SplitIsCurrent);
        var data = new SplitHistoryData(matterId, gate.Number,
            gate.Active.Zip(parts, (c, p) => new SplitHistoryPart(c.ClientId, c.Name, p.BasisPoints)).ToList());
        await SplitSql.RecordAsync(db, matterId, HistoryKind.MatterSplitChanged, actor, now, gate.Number, data, ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Matter, matterId, actor.UserId));
        await feed.PublishAsync(new Change(Topics.Activity, matterId, actor.UserId));
        foreach (var client in gate.Active) await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, client.ClientId));
    }

    /// <summary>Exactly the active clients, each 0–100 % with at most two decimals, adding up to exactly 100 % (MAT-8).</summary>
    private static List<SplitPart> Validate(MatterGate gate, IReadOnlyList<SplitPercent> percents)
    {
        var errors = new FieldErrors();
        var active = gate.Active;
        var given = percents.GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.First().Percent);
        if (percents.Count != given.Count || given.Count != active.Count || active.Any(c => !given.ContainsKey(c.ClientId)))
            throw new DomainException("Error.SplitClientsChanged");
        foreach (var c in active)
        {
            var percent = given[c.ClientId];
            if (percent < 0) errors.Add(Field(c.ClientId), "Error.SplitPercentNegative");
            else if (percent > 100) errors.Add(Field(c.ClientId), "Error.SplitPercentOver100");
            else if (decimal.Round(percent, 2) != percent) errors.Add(Field(c.ClientId), "Error.SplitPercentDecimals");
        }
        errors.ThrowIfAny();
        var total = given.Values.Sum();
        if (total != 100) throw ValidationFailedException.For(TotalField, "Error.SplitTotal|" + total.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        return active.Select(c => new SplitPart(c.ClientId, (int)(given[c.ClientId] * 100))).ToList();
    }

    public const string TotalField = "Total";

    public static string Field(long clientId) => $"Percent[{clientId}]";

    private static IQueryable<Activity> UnbilledCommon(CrmDbContext db, long matterId) =>
        db.Activities.Where(a => a.MatterId == matterId && a.ClientId == null && a.BilledAt == null);
}
