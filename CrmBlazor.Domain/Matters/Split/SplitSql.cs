using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Split;

/// <summary>The split's set-based reads and history writes: one command each, whatever the number of activities or clients.</summary>
internal static class SplitSql
{
    /// <summary>For each basis-point value, in order: the sum over the unbilled common activities of amount × value / 10,000, rounded down per activity.</summary>
    public static async Task<IReadOnlyList<long>> FloorSumsAsync(CrmDbContext db, long matterId, int[] basisPoints, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """
              SELECT CAST(COALESCE(SUM(a."AmountMinor" * j.bp / 10000), 0) AS bigint) AS "Value"
              FROM unnest({1}) WITH ORDINALITY AS j(bp, k)
              LEFT JOIN "Activities" a ON a."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL
              GROUP BY j.k ORDER BY j.k
              """
            : """
              SELECT CAST(COALESCE(SUM(a."AmountMinor" * j.value / 10000), 0) AS INTEGER) AS "Value"
              FROM json_each({1}) j
              LEFT JOIN "Activities" a ON a."MatterId" = {0} AND a."ClientId" IS NULL AND a."BilledAt" IS NULL
              GROUP BY j.key ORDER BY j.key
              """;
        object values = db.IsPostgres ? basisPoints : JsonSerializer.Serialize(basisPoints);
        return await db.Database.SqlQueryRaw<long>(sql, matterId, values).ToListAsync(ct);
    }

    /// <summary>One line on the matter's timeline and one in the history of each of its active clients, in one command.</summary>
    public static Task RecordAsync(CrmDbContext db, long matterId, HistoryKind kind, Actor actor, DateTime at, string text, object data, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "History" ("MatterId", "Kind", "At", "UserId", "ActorName", "Text", "Data")
            VALUES ({0}, {1}, {2}, NULLIF({3}, ''), {4}, {5}, {6});
            INSERT INTO "History" ("ClientId", "Kind", "At", "UserId", "ActorName", "Text", "Data")
            SELECT p."ClientId", {1}, {2}, NULLIF({3}, ''), {4}, {5}, {6}
            FROM "MatterParties" p WHERE p."MatterId" = {0} AND p."Role" = 0 AND p."IsActive" = {7};
            """,
            [matterId, (int)kind, at, actor.UserId ?? string.Empty, actor.Name, text, JsonSerializer.Serialize(data), true], ct);
}
