using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.History;

/// <summary>A client's timeline (HIS-1) and staff comments (HIS-2).</summary>
public sealed class HistoryService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public const int CommentMax = 4000;
    public const int PageSize = 50;

    /// <summary>Newest first; <paramref name="beforeId"/> continues after the last line already shown.</summary>
    public async Task<IReadOnlyList<HistoryItem>> ListAsync(long clientId, HistoryKind? kind = null, long? beforeId = null, int take = PageSize, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var q = db.History.AsNoTracking().Where(h => h.ClientId == clientId);
        if (kind is { } k) q = q.Where(h => h.Kind == k);
        if (beforeId is { } before) q = q.Where(h => h.Id < before);
        return await q.OrderByDescending(h => h.Id).Take(Math.Clamp(take, 1, 200))
            .Select(h => new HistoryItem(h.Id, h.Kind, h.At, h.ActorName, h.Text, h.Data, h.MatterId)).ToListAsync(ct);
    }

    public async Task<long> AddCommentAsync(long clientId, string text, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        text = (text ?? string.Empty).Trim();
        if (text.Length == 0) throw ValidationFailedException.For("Comment", "Error.Required");
        if (text.Length > CommentMax) throw ValidationFailedException.For("Comment", $"Error.TooLong|{CommentMax}");

        await using var db = dbs.CreateDbContext();
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new DomainException("Error.ClientNotFound");
        var entry = db.Record(clientId, HistoryKind.Comment, actor, clock.GetUtcNow().UtcDateTime, text);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.History, entry.Id, actor.UserId, clientId));
        return entry.Id;
    }
}
