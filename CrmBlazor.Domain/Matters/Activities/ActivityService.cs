using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Split;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>
/// Time and expenses on a matter: add, edit, delete, list. Each change is one transaction: refused on a blocked matter
/// (MAT-5) and on billed activities; a common activity is split among the active clients in the same transaction
/// (MAT-6). Changes are published on <see cref="Topics.Activity"/> with the matter's id, after the commit.
/// </summary>
public sealed class ActivityService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<ActivityFormOptions> OptionsAsync(long matterId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        await using var db = dbs.CreateDbContext();
        var gate = await MatterGate.LoadAsync(db, matterId, ct);
        var intervenants = await (from i in db.MatterIntervenants
                                  join u in db.Users on i.UserId equals u.Id into users
                                  from u in users.DefaultIfEmpty()
                                  where i.MatterId == matterId
                                  orderby i.AddedAt
                                  select new IntervenantOption(i.UserId, u == null ? i.UserId : u.DisplayName)).ToListAsync(ct);
        var me = intervenants.FirstOrDefault(i => i.UserId == actor.UserId)?.UserId;
        return new ActivityFormOptions(gate.MatterId, gate.Number, gate.Title, gate.Currency, gate.IsBlocked,
            gate.Active.Select(c => new ActivityClientOption(c.ClientId, c.Name, c.Status)).ToList(), intervenants, me ?? intervenants.FirstOrDefault()?.UserId);
    }

    /// <summary>An activity as the edit dialog opens it.</summary>
    public async Task<(long MatterId, ActivityForm Form, long Version, bool Billed)> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var a = await db.Activities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Error.ActivityNotFound");
        return (a.MatterId, ActivityForm.From(a), a.Version, a.IsBilled);
    }

    public async Task<long> AddAsync(long matterId, ActivityForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var gate = await MatterGate.LoadAsync(db, matterId, ct);
        gate.EnsureNotBlocked();
        await CheckAsync(db, gate, form, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await gate.EnsureSplitAsync(db, ct);
        var activity = Activity.Record(matterId, form, now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        if (activity.ClientId is null) await ActivitySplitter.SplitAsync(db, matterId, [activity.Id], ct);
        db.RecordOnMatter(matterId, HistoryKind.ActivityRecorded, actor, now, activity.Description, Data(ActivityChange.Added, activity, gate));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, matterId);
        return activity.Id;
    }

    public async Task<long> EditAsync(long id, ActivityForm form, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var activity = await LoadAsync(db, id, expectedVersion, ct);
        var gate = await MatterGate.LoadAsync(db, activity.MatterId, ct);
        gate.EnsureNotBlocked();
        await CheckAsync(db, gate, form, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await gate.EnsureSplitAsync(db, ct);
        activity.Edit(form);
        db.RecordOnMatter(activity.MatterId, HistoryKind.ActivityRecorded, actor, now, activity.Description, Data(ActivityChange.Edited, activity, gate));
        await db.SaveCheckedAsync(ct, "Error.ActivityChangedMeanwhile");
        // Attributed now: no shares. Common: split again (the amount may have changed too).
        if (activity.ClientId is null) await ActivitySplitter.SplitAsync(db, activity.MatterId, [activity.Id], ct);
        else await db.ActivityShares.Where(s => s.ActivityId == activity.Id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, activity.MatterId);
        return activity.Version;
    }

    public async Task DeleteAsync(long id, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var activity = await LoadAsync(db, id, expectedVersion, ct);
        activity.EnsureUnbilled();
        var gate = await MatterGate.LoadAsync(db, activity.MatterId, ct);
        gate.EnsureNotBlocked();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ActivityShares.Where(s => s.ActivityId == id).ExecuteDeleteAsync(ct);
        db.Activities.Remove(activity);
        db.RecordOnMatter(activity.MatterId, HistoryKind.ActivityRecorded, actor, now, activity.Description, Data(ActivityChange.Deleted, activity, gate));
        await db.SaveCheckedAsync(ct, "Error.ActivityChangedMeanwhile");
        await tx.CommitAsync(ct);
        await PublishAsync(actor, activity.MatterId);
    }

    /// <summary>The intervenant and the client, checked against the matter; every field error at once, nothing saved.</summary>
    private static async Task CheckAsync(CrmDbContext db, MatterGate gate, ActivityForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        form.Check(errors);
        if (!string.IsNullOrWhiteSpace(form.UserId) && !await db.MatterIntervenants.AnyAsync(i => i.MatterId == gate.MatterId && i.UserId == form.UserId, ct))
            errors.Add(nameof(ActivityForm.UserId), "Error.ActivityUserNotIntervenant");
        if (form.ClientId is { } clientId)
        {
            var client = gate.Clients.FirstOrDefault(c => c.ClientId == clientId);
            if (client is null) errors.Add(nameof(ActivityForm.ClientId), "Error.ActivityClientNotOnMatter");
            else if (!client.IsActive) errors.Add(nameof(ActivityForm.ClientId), "Error.ActivityClientInactive");
        }
        errors.ThrowIfAny();
    }

    private static async Task<Activity> LoadAsync(CrmDbContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException("Error.ActivityNotFound");
        if (activity.Version != expectedVersion) throw new ConcurrencyConflictException("Error.ActivityChangedMeanwhile");
        activity.EnsureUnbilled();
        return activity;
    }

    private static ActivityHistoryData Data(ActivityChange change, Activity a, MatterGate gate) =>
        new(change, a.Id, a.Kind, a.Date, a.Description, a.AmountMinor, gate.Currency, gate.Clients.FirstOrDefault(c => c.ClientId == a.ClientId)?.Name);

    private Task PublishAsync(Actor actor, long matterId) => feed.PublishAsync(new Change(Topics.Activity, matterId, actor.UserId));
}
