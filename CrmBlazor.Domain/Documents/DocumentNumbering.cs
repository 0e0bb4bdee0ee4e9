using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Documents;

/// <summary>Gapless numbers per type and year (DOC-2), taken inside the caller's transaction.</summary>
internal static class DocumentNumbering
{
    public static async Task<int> NextAsync(CrmDbContext db, DocumentType type, int year, CancellationToken ct)
    {
        var t = (int)type;
        // The first statement writes, so the transaction owns the lock before anything is read.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DocumentCounters" ("Type", "Year", "Last") VALUES ({t}, {year}, 0) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE "DocumentCounters" SET "Last" = "Last" + 1 WHERE "Type" = {t} AND "Year" = {year} RETURNING "Last" AS "Value" """).ToListAsync(ct);
        return next.Single();
    }

    public static string Format(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:0000}";
}
