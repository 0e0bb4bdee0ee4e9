using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Split;

/// <summary>One client's percentage of a matter's common activities, in basis points (1 % = 100).</summary>
public sealed record SplitPart(long ClientId, int BasisPoints);

/// <summary>
/// The client split of a matter's common activities (MAT-6, MAT-7, MAT-8), set-based: whatever the number of
/// activities, a recomputation is one DELETE and one INSERT … SELECT; no activity is loaded. Billed activities
/// keep their shares for good. Every method runs inside the caller's transaction.
/// <para>Rounding: each client gets amount × basis points / 10,000 rounded down to the cent; the cents left over go
/// to the client with the largest percentage (the earliest added party among equals), so the parts always add up
/// to the activity's amount.</para>
/// </summary>
public static class ActivitySplitter
{
    /// <summary>
    /// Equal percentages among the matter's active clients (leftover basis points to the earliest added ones), then
    /// every unbilled common activity split again, older ones too. Called whenever the matter's active clients change.
    /// </summary>
    public static async Task<IReadOnlyList<SplitPart>> RebalanceAsync(CrmDbContext db, long matterId, CancellationToken ct)
    {
        var active = await db.MatterParties.Where(p => p.MatterId == matterId && p.Role == PartyRole.Client && p.IsActive)
            .OrderBy(p => p.Id).Select(p => p.ClientId).ToListAsync(ct);
        var parts = Equal(active);
        await ReplaceAsync(db, matterId, parts, ct);
        return parts;
    }

    /// <summary>Stores the given percentages (already validated against the active clients) and splits the unbilled common activities again.</summary>
    public static async Task ReplaceAsync(CrmDbContext db, long matterId, IReadOnlyList<SplitPart> parts, CancellationToken ct)
    {
        await db.MatterSplits.Where(s => s.MatterId == matterId).ExecuteDeleteAsync(ct);
        foreach (var part in parts) db.MatterSplits.Add(MatterSplit.For(matterId, part.ClientId, part.BasisPoints));
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db, matterId, RemainderTaker(parts), activityIds: null, ct);
    }

    /// <summary>Splits the given unbilled common activities (new or just moved here) by the matter's current percentages.</summary>
    public static async Task SplitAsync(CrmDbContext db, long matterId, long[] activityIds, CancellationToken ct)
    {
        var parts = await db.MatterSplits.Where(s => s.MatterId == matterId).Select(s => new SplitPart(s.ClientId, s.BasisPoints)).ToListAsync(ct);
        var order = await db.MatterParties.Where(p => p.MatterId == matterId && p.Role == PartyRole.Client).OrderBy(p => p.Id).Select(p => p.ClientId).ToListAsync(ct);
        await RecomputeAsync(db, matterId, RemainderTaker([.. parts.OrderBy(p => order.IndexOf(p.ClientId))]), activityIds, ct);
    }

    /// <summary>Equal basis points; the leftover ones (10,000 not divisible) go one each to the first clients.</summary>
    public static IReadOnlyList<SplitPart> Equal(IReadOnlyList<long> clientIds)
    {
        if (clientIds.Count == 0) return [];
        var each = MatterSplit.Whole / clientIds.Count;
        var left = MatterSplit.Whole - each * clientIds.Count;
        return clientIds.Select((id, i) => new SplitPart(id, each + (i < left ? 1 : 0))).ToList();
    }

    /// <summary>The client that receives the leftover cents: the largest percentage, the first in order among equals.</summary>
    public static long? RemainderTaker(IReadOnlyList<SplitPart> parts) =>
        parts.Count == 0 ? null : parts.Aggregate((best, p) => p.BasisPoints > best.BasisPoints ? p : best).ClientId;

    /// <summary>Each client's part of one amount, by the rule above (for previews and checks; the database applies the same rule).</summary>
    public static IReadOnlyList<(long ClientId, long AmountMinor)> Parts(long amountMinor, IReadOnlyList<SplitPart> parts)
    {
        var taker = RemainderTaker(parts);
        var floors = parts.Select(p => (p.ClientId, Amount: amountMinor * p.BasisPoints / MatterSplit.Whole)).ToList();
        var left = amountMinor - floors.Sum(f => f.Amount);
        return floors.Select(f => (f.ClientId, f.ClientId == taker ? f.Amount + left : f.Amount)).ToList();
    }

    private static async Task RecomputeAsync(CrmDbContext db, long matterId, long? taker, long[]? activityIds, CancellationToken ct)
    {
        var unbilledCommon = db.Activities.Where(a => a.MatterId == matterId && a.ClientId == null && a.BilledAt == null);
        if (activityIds is not null) unbilledCommon = unbilledCommon.Where(a => activityIds.Contains(a.Id));
        await db.ActivityShares.Where(s => unbilledCommon.Select(a => a.Id).Contains(s.ActivityId)).ExecuteDeleteAsync(ct);
        if (taker is null) return; // no active client: nobody's part until one is active again (the matter is blocked)
        // Integer division truncates on both databases: amounts are positive, so this is rounding down.
        var only = activityIds is null ? "TRUE"
            : db.IsPostgres ? "a.\"Id\" = ANY({2})" : "a.\"Id\" IN (SELECT value FROM json_each({2}))";
        object ids = db.IsPostgres ? activityIds ?? [] : System.Text.Json.JsonSerializer.Serialize(activityIds ?? []);
        // The filter is one of two fixed fragments; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(InsertShares.Replace("<only>", only, StringComparison.Ordinal), [matterId, taker.Value, ids], ct);
    }

    private const string InsertShares = """
        INSERT INTO "ActivityShares" ("ActivityId", "ClientId", "AmountMinor")
        SELECT a."Id", s."ClientId",
               a."AmountMinor" * s."BasisPoints" / 10000
               + CASE WHEN s."ClientId" = {1}
                      THEN a."AmountMinor" - (SELECT SUM(a."AmountMinor" * s2."BasisPoints" / 10000) FROM "MatterSplits" s2 WHERE s2."MatterId" = {0})
                      ELSE 0 END
        FROM "Activities" a
        CROSS JOIN "MatterSplits" s
        WHERE a."MatterId" = {0} AND s."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL AND <only>
        """;
}
