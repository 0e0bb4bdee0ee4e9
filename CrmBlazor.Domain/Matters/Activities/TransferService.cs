using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Split;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>
/// Bulk "Transfer to another matter" (MAT-9): never into a blocked matter; an activity for a client who is not an
/// active client of the destination becomes common there, and the common ones are split among the destination's
/// active clients only. One transaction; both matters' timelines say so.
/// </summary>
public sealed class TransferService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public const int MaxActivities = 500;

    public async Task<int> TransferAsync(long fromMatterId, IReadOnlyList<ActivityRef> selected, long toMatterId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        if (selected.Count == 0) throw new DomainException("Error.TransferNothingSelected");
        if (selected.Count > MaxActivities) throw new DomainException("Error.TransferTooMany", null, MaxActivities);
        if (fromMatterId == toMatterId) throw new DomainException("Error.TransferSameMatter");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var from = await MatterGate.LoadAsync(db, fromMatterId, ct);
        var to = await MatterGate.LoadAsync(db, toMatterId, ct);
        // Checked here, not only by the destination picker: a forged request meets the same refusal.
        to.EnsureNotBlocked();
        if (to.Currency != from.Currency) throw new DomainException("Error.TransferCurrencyDiffers", null, from.Currency, to.Currency);

        var ids = selected.Select(s => s.Id).Distinct().ToArray();
        var activities = await db.Activities.Where(a => EF.Parameter(ids).Contains(a.Id) && a.MatterId == fromMatterId).ToListAsync(ct);
        if (activities.Count != ids.Length) throw new DomainException("Error.ActivityNotFound");
        var versions = selected.ToDictionary(s => s.Id, s => s.Version);
        if (activities.Any(a => a.IsBilled)) throw new DomainException("Error.ActivityBilled");
        if (activities.Any(a => a.Version != versions[a.Id])) throw new ConcurrencyConflictException("Error.ActivityChangedMeanwhile");

        var activeThere = to.Active.Select(c => c.ClientId).ToHashSet();
        var madeCommon = 0;
        foreach (var a in activities)
        {
            var keep = a.ClientId is { } c && activeThere.Contains(c);
            if (a.ClientId is not null && !keep) madeCommon++;
            a.MoveTo(toMatterId, keep ? a.ClientId : null);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await to.EnsureSplitAsync(db, ct);
        var data = new TransferHistoryData(fromMatterId, from.Number, toMatterId, to.Number, activities.Count, madeCommon, activities.Sum(a => a.AmountMinor), from.Currency);
        db.RecordOnMatter(fromMatterId, HistoryKind.ActivitiesTransferred, actor, now, $"{from.Number} → {to.Number}", data);
        db.RecordOnMatter(toMatterId, HistoryKind.ActivitiesTransferred, actor, now, $"{from.Number} → {to.Number}", data);
        await db.SaveCheckedAsync(ct, "Error.ActivityChangedMeanwhile");
        // The moved common activities lose the source's shares and get the destination's.
        await ActivitySplitter.SplitAsync(db, toMatterId, activities.Where(a => a.ClientId is null).Select(a => a.Id).ToArray(), ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Activity, fromMatterId, actor.UserId));
        await feed.PublishAsync(new Change(Topics.Activity, toMatterId, actor.UserId));
        return activities.Count;
    }
}
