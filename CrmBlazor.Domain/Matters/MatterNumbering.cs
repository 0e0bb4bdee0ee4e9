using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// Matter numbers "YYYY-NNNN", one series per year, taken inside the creating transaction: the counter row is the
/// transaction's first write, so parallel creations queue on it and each gets the next number, and a failed creation
/// gives its number back. The counter lives in the documents' counter table under a type no document uses.
/// </summary>
public static class MatterNumbering
{
    /// <summary>The "type" of the matters' series in DocumentCounters; DocumentType values stay below it.</summary>
    public const int Series = 100;

    public static async Task<string> NextAsync(CrmDbContext db, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DocumentCounters" ("Type", "Year", "Last") VALUES ({Series}, {year}, 0) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE "DocumentCounters" SET "Last" = "Last" + 1 WHERE "Type" = {Series} AND "Year" = {year} RETURNING "Last" AS "Value" """).ToListAsync(ct);
        return Format(year, next.Single());
    }

    public static string Format(int year, int sequence) => $"{year}-{sequence:0000}";
}
