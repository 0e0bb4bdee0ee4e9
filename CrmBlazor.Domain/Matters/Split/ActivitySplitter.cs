using System.Text.Json;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Split;

/// <summary>One client's percentage of a matter's common activities, in basis points (1 % = 100).</summary>
public sealed record SplitPart(long ClientId, int BasisPoints);

/// <summary>
/// The client split of a matter's common activities (MAT-6, MAT-7, MAT-8), set-based: whatever the number of
/// activities, a recomputation is one command (a DELETE and an INSERT … SELECT); no activity is loaded. Billed
/// activities keep their shares for good. Every method runs inside the caller's transaction.
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

    /// <summary>
    /// Stores the given percentages (already validated against the active clients, in party order: earliest added
    /// first) and splits every unbilled common activity again, in one command. With <paramref name="sameClients"/>
    /// (the stored split already covers exactly these clients, so every unbilled common activity has a share row per
    /// client) the shares are updated in place, which is about three times cheaper than deleting and inserting them.
    /// </summary>
    public static Task ReplaceAsync(CrmDbContext db, long matterId, IReadOnlyList<SplitPart> parts, CancellationToken ct, bool sameClients = false)
    {
        // Fixed fragments and numbered placeholders only; every value is a parameter.
        var sql = (db.IsPostgres ? PostgresReplace : SqliteReplace) + (sameClients && parts.Count > 0 ? UpdateShares(parts) : RewriteShares(parts));
        object[] values = db.IsPostgres
            ? [matterId, parts.Select(p => p.ClientId).ToArray(), parts.Select(p => p.BasisPoints).ToArray()]
            : [matterId, JsonSerializer.Serialize(parts.Select(p => new[] { p.ClientId, p.BasisPoints })), 0];
        return db.Database.ExecuteSqlRawAsync(sql, [.. values, .. PartValues(parts)], ct);
    }

    /// <summary>Splits the given unbilled common activities (new or just moved here) by the matter's current percentages.</summary>
    public static Task SplitAsync(CrmDbContext db, long matterId, long[] activityIds, CancellationToken ct) =>
        activityIds.Length == 0 ? Task.CompletedTask
            : db.Database.ExecuteSqlRawAsync(Recompute(db),
                [matterId, db.IsPostgres ? activityIds : JsonSerializer.Serialize(activityIds)], ct);

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

    /// <summary>Each client's part of one amount, by the rule above (parts in party order; the database applies the same rule).</summary>
    public static IReadOnlyList<(long ClientId, long AmountMinor)> Parts(long amountMinor, IReadOnlyList<SplitPart> parts)
    {
        var taker = RemainderTaker(parts);
        var floors = parts.Select(p => (p.ClientId, Amount: amountMinor * p.BasisPoints / MatterSplit.Whole)).ToList();
        var left = amountMinor - floors.Sum(f => f.Amount);
        return floors.Select(f => (f.ClientId, f.ClientId == taker ? f.Amount + left : f.Amount)).ToList();
    }

    // Parts are inlined as parameters from {3} on: client, basis points, client, basis points, …, then the remainder taker.
    private static IEnumerable<object> PartValues(IReadOnlyList<SplitPart> parts) =>
        parts.Count == 0 ? [] : [.. parts.SelectMany(p => new object[] { p.ClientId, p.BasisPoints }), RemainderTaker(parts)!.Value];

    /// <summary>
    /// The amount of the share of client <paramref name="client"/> in activity a: amount × basis points / 10,000 rounded
    /// down (integer division, amounts are positive), plus, for the remainder taker, what the rounded-down parts leave.
    /// </summary>
    private static string ShareAmount(IReadOnlyList<SplitPart> parts, string client)
    {
        string Part(int i) => $"a.\"AmountMinor\" * {{{4 + 2 * i}}} / 10000";
        var taker = 3 + 2 * parts.Count;
        var byClient = string.Concat(parts.Select((_, i) => $" WHEN {{{3 + 2 * i}}} THEN {Part(i)}"));
        var all = string.Join(" + ", parts.Select((_, i) => Part(i)));
        return $"CASE {client}{byClient} END + CASE WHEN {client} = {{{taker}}} THEN a.\"AmountMinor\" - ({all}) ELSE 0 END";
    }

    private static string UpdateShares(IReadOnlyList<SplitPart> parts) => $$"""
        UPDATE "ActivityShares" AS sh SET "AmountMinor" = {{ShareAmount(parts, "sh.\"ClientId\"")}}
        FROM "Activities" a
        WHERE a."Id" = sh."ActivityId" AND a."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL;
        """;

    /// <summary>No part (no active client: the matter is blocked) inserts nothing, so nobody's part is left behind.</summary>
    private static string RewriteShares(IReadOnlyList<SplitPart> parts) => """
        DELETE FROM "ActivityShares" WHERE "ActivityId" IN
            (SELECT a."Id" FROM "Activities" a WHERE a."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL);
        """ + (parts.Count == 0 ? "" : $$"""

        INSERT INTO "ActivityShares" ("ActivityId", "ClientId", "AmountMinor")
        SELECT a."Id", s."ClientId", {{ShareAmount(parts, "s.\"ClientId\"")}}
        FROM "Activities" a CROSS JOIN "MatterSplits" s
        WHERE a."MatterId" = {0} AND s."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL;
        """);

    // {0} is the matter; {1} the clients and {2} the basis points (PostgreSQL arrays), or {1} [[client, basis points], …] (SQLite JSON, {2} unused).
    private const string PostgresReplace = """
        DELETE FROM "MatterSplits" WHERE "MatterId" = {0};
        INSERT INTO "MatterSplits" ("MatterId", "ClientId", "BasisPoints") SELECT {0}, t.c, t.b FROM unnest({1}, {2}) AS t(c, b);

        """;

    private const string SqliteReplace = """
        DELETE FROM "MatterSplits" WHERE "MatterId" = {0};
        INSERT INTO "MatterSplits" ("MatterId", "ClientId", "BasisPoints")
        SELECT {0}, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({1});

        """;

    /// <summary>
    /// Deletes the shares of some of the matter's unbilled common activities (the id list in {1}) and inserts them
    /// again from the stored percentages. Integer division truncates on both databases: amounts are positive, so
    /// it rounds down; the window sum gives each activity's leftover cents to the remainder taker. No stored
    /// percentage (no active client: the matter is blocked) inserts nothing, so nobody's part is left behind.
    /// </summary>
    private static string Recompute(CrmDbContext db)
    {
        var only = db.IsPostgres ? " AND a.\"Id\" = ANY({1})" : " AND a.\"Id\" IN (SELECT value FROM json_each({1}))";
        return $"""
            DELETE FROM "ActivityShares" WHERE "ActivityId" IN
                (SELECT a."Id" FROM "Activities" a WHERE a."MatterId" = {"{0}"} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL{only});
            INSERT INTO "ActivityShares" ("ActivityId", "ClientId", "AmountMinor")
            SELECT x."Id", x."ClientId",
                   x."Part" + CASE WHEN x."ClientId" = x."Taker" THEN x."AmountMinor" - SUM(x."Part") OVER (PARTITION BY x."Id") ELSE 0 END
            FROM (SELECT a."Id", a."AmountMinor", s."ClientId", a."AmountMinor" * s."BasisPoints" / 10000 AS "Part",
                         (SELECT s3."ClientId" FROM "MatterSplits" s3
                          JOIN "MatterParties" p ON p."MatterId" = s3."MatterId" AND p."ClientId" = s3."ClientId"
                          WHERE s3."MatterId" = {"{0}"} ORDER BY s3."BasisPoints" DESC, p."Id" LIMIT 1) AS "Taker"
                  FROM "Activities" a CROSS JOIN "MatterSplits" s
                  WHERE a."MatterId" = {"{0}"} AND s."MatterId" = {"{0}"} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL{only}) x;
            """;
    }
}
