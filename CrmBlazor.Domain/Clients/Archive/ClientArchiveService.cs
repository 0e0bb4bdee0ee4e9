using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Archive;

/// <summary>
/// Moves clients to the Archive and back (ARC-1, ARC-2, ARC-3, ARC-5), lists and previews the Archive, and
/// deletes archived clients for good (ARC-4). Bulk actions are set-based: no client is loaded, whatever the number.
/// </summary>
public sealed partial class ClientArchiveService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock, ClientService clients)
{
    /// <summary>Clients per transaction: other writers wait at most one chunk (~150 ms on SQLite); readers never wait (WAL).</summary>
    internal const int ChunkSize = 5_000;

    public const int MaxIds = 100_000;

    /// <summary>Archives the given clients that are not archived yet; each one ends archived with its history line, or untouched.</summary>
    public async Task<ArchiveOutcome> ArchiveAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var set = Distinct(ids);
        var at = clock.GetUtcNow().UtcDateTime;
        var data = new ArchiveHistoryData(Guid.NewGuid().ToString("N"), set.Length);
        var count = await InChunksAsync(set, ct, async (db, chunk) =>
        {
            var moved = await ArchiveSql.ArchiveAsync(db, chunk, at, ct);
            if (moved > 0) await ArchiveSql.RecordAsync(db, chunk, ClientStatus.Archived, HistoryKind.ClientArchived, actor, at, data, ct);
            return moved;
        });
        await PublishAsync(set, actor, count);
        return new ArchiveOutcome(count, new ArchiveUndo(set, at));
    }

    /// <summary>Restores the given archived clients to Active and the main lists.</summary>
    public async Task<int> RestoreAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        await RestoreCoreAsync(Distinct(ids), archivedAt: null, undo: false, ct);

    /// <summary>
    /// Undoes one archive action: restores exactly its clients that are still archived by it. A client restored,
    /// re-archived or deleted since is left as it is now.
    /// </summary>
    public Task<int> UndoArchiveAsync(ArchiveUndo undo, CancellationToken ct = default) =>
        RestoreCoreAsync(Distinct(undo.Ids), undo.At, undo: true, ct);

    /// <summary>Archives one client as seen at <paramref name="expectedVersion"/>; a change made meanwhile is reported, not overwritten.</summary>
    public async Task<ArchiveOutcome> ArchiveOneAsync(long id, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var at = clock.GetUtcNow().UtcDateTime;
        var data = new ArchiveHistoryData(Guid.NewGuid().ToString("N"), 1);
        await using var db = dbs.CreateDbContext();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var moved = await db.Clients.Where(c => c.Id == id && c.Version == expectedVersion && c.Status != ClientStatus.Archived)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClientStatus.Archived).SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, at), ct);
            if (moved == 0) await ExplainAsync(db, id, ClientStatus.Archived, ct);
            await ArchiveSql.RecordAsync(db, [id], ClientStatus.Archived, HistoryKind.ClientArchived, actor, at, data, ct);
            await tx.CommitAsync(ct);
        }
        await PublishAsync([id], actor, 1);
        return new ArchiveOutcome(1, new ArchiveUndo([id], at));
    }

    /// <summary>Restores one archived client as seen at <paramref name="expectedVersion"/>; returns its new version.</summary>
    public async Task<long> RestoreOneAsync(long id, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var at = clock.GetUtcNow().UtcDateTime;
        var data = new ArchiveHistoryData(Guid.NewGuid().ToString("N"), 1);
        await using var db = dbs.CreateDbContext();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var moved = await db.Clients.Where(c => c.Id == id && c.Version == expectedVersion && c.Status == ClientStatus.Archived)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClientStatus.Active).SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, at), ct);
            if (moved == 0) await ExplainAsync(db, id, ClientStatus.Active, ct);
            await ArchiveSql.RecordAsync(db, [id], ClientStatus.Active, HistoryKind.ClientRestored, actor, at, data, ct);
            await tx.CommitAsync(ct);
        }
        await PublishAsync([id], actor, 1);
        return expectedVersion + 1;
    }

    private async Task<int> RestoreCoreAsync(long[] set, DateTime? archivedAt, bool undo, CancellationToken ct)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var at = clock.GetUtcNow().UtcDateTime;
        var data = new ArchiveHistoryData(Guid.NewGuid().ToString("N"), set.Length, undo);
        var count = await InChunksAsync(set, ct, async (db, chunk) =>
        {
            var moved = await ArchiveSql.RestoreAsync(db, chunk, at, archivedAt, ct);
            if (moved > 0) await ArchiveSql.RecordAsync(db, chunk, ClientStatus.Active, HistoryKind.ClientRestored, actor, at, data, ct);
            return moved;
        });
        await PublishAsync(set, actor, count);
        return count;
    }

    /// <summary>Each chunk is one transaction holding both statements: a crash leaves every client moved with its line, or untouched.</summary>
    private async Task<int> InChunksAsync(long[] ids, CancellationToken ct, Func<CrmDbContext, long[], Task<int>> move)
    {
        var total = 0;
        await using var db = dbs.CreateDbContext();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            total += await move(db, chunk);
            await tx.CommitAsync(ct);
        }
        return total;
    }

    /// <summary>Says why a single archive or restore changed nothing.</summary>
    private static async Task ExplainAsync(CrmDbContext db, long id, ClientStatus wanted, CancellationToken ct)
    {
        var status = await db.Clients.Where(c => c.Id == id).Select(c => (ClientStatus?)c.Status).FirstOrDefaultAsync(ct);
        if (status is null) throw new DomainException("Error.ClientNotFound");
        if (wanted == ClientStatus.Archived && status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        if (wanted == ClientStatus.Active && status != ClientStatus.Archived) throw new ConcurrencyConflictException("Error.ArchiveNotArchived");
        throw new ConcurrencyConflictException("Error.ArchiveChangedMeanwhile");
    }

    private static long[] Distinct(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) throw new DomainException("Error.ArchiveNothingSelected");
        if (ids.Count > MaxIds) throw new DomainException("Error.ArchiveTooMany", null, MaxIds);
        return ids.Distinct().ToArray();
    }

    // One change for a bulk action, not one per client: every list reloads once.
    private async Task PublishAsync(long[] ids, Actor actor, int count)
    {
        if (count == 0) return;
        var single = ids.Length == 1 ? ids[0] : (long?)null;
        await feed.PublishAsync(new Change(Topics.Client, single, actor.UserId, single));
    }
}
