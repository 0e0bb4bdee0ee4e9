using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Archive;

/// <summary>
/// The set-based statements of archive and restore: no client is loaded. One status change stamps every
/// moved client with the action's instant, and one INSERT … SELECT writes a history line for exactly the
/// clients carrying that stamp, in the same transaction.
/// </summary>
internal static class ArchiveSql
{
    public static Task<int> ArchiveAsync(CrmDbContext db, long[] ids, DateTime at, CancellationToken ct) =>
        db.Clients.Where(c => EF.Parameter(ids).Contains(c.Id) && c.Status != ClientStatus.Archived)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClientStatus.Archived)
                .SetProperty(c => c.Version, c => c.Version + 1)
                .SetProperty(c => c.UpdatedAt, at), ct);

    /// <summary>Restores archived clients to Active; with <paramref name="archivedAt"/>, only those archived at that instant (an undo).</summary>
    public static Task<int> RestoreAsync(CrmDbContext db, long[] ids, DateTime at, DateTime? archivedAt, CancellationToken ct)
    {
        var q = db.Clients.Where(c => EF.Parameter(ids).Contains(c.Id) && c.Status == ClientStatus.Archived);
        if (archivedAt is { } stamp) q = q.Where(c => c.UpdatedAt == stamp);
        return q.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, ClientStatus.Active)
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.UpdatedAt, at), ct);
    }

    /// <summary>One history line per client of <paramref name="ids"/> now in <paramref name="status"/> and stamped <paramref name="at"/>.</summary>
    public static Task<int> RecordAsync(CrmDbContext db, long[] ids, ClientStatus status, HistoryKind kind, Actor actor, DateTime at, ArchiveHistoryData data, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(data);
        var userId = actor.UserId ?? string.Empty;
        return db.IsPostgres
            ? db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "History" ("ClientId", "Kind", "At", "UserId", "ActorName", "Text", "Data")
                SELECT c."Id", {(int)kind}, {at}, NULLIF({userId}, ''), {actor.Name}, '', {json}
                FROM "Clients" c WHERE c."Id" = ANY({ids}) AND c."Status" = {(int)status} AND c."UpdatedAt" = {at}
                """, ct)
            : db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "History" ("ClientId", "Kind", "At", "UserId", "ActorName", "Text", "Data")
                SELECT c."Id", {(int)kind}, {at}, NULLIF({userId}, ''), {actor.Name}, '', {json}
                FROM "Clients" c WHERE c."Id" IN (SELECT value FROM json_each({JsonSerializer.Serialize(ids)})) AND c."Status" = {(int)status} AND c."UpdatedAt" = {at}
                """, ct);
    }
}
