using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Commercial;

/// <summary>
/// Scheduling, editing, reassigning and completing follow-ups (COM-1, COM-3). Each is one save with its history line,
/// checked against the version the screen showed; the new assignee hears of it at once wherever they are (COM-2).
/// </summary>
public sealed class FollowUpService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, CommercialTime time)
{
    public async Task<long> ScheduleAsync(long clientId, FollowUpForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        var errors = new FieldErrors();
        form.Check(errors);
        var dueAt = DueAt(form, errors, now);
        await using var db = dbs.CreateDbContext();
        var assignee = await Assignees.CheckAsync(db, form.AssignedUserId, nameof(FollowUpForm.AssignedUserId), errors, ct);
        errors.ThrowIfAny();
        await EnsureClientAsync(db, clientId, ct);

        var followUp = new FollowUp(clientId, form.Kind, dueAt!.Value, form.AssignedUserId, Clean(form.Notes), actor.UserId ?? string.Empty, now);
        db.FollowUps.Add(followUp);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Record(clientId, HistoryKind.FollowUpScheduled, actor, now, followUp.Notes, Data(followUp, assignee!));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(followUp, actor, forUser: followUp.AssignedUserId);
        return followUp.Id;
    }

    /// <summary>Kind, due time, notes and the salesperson. The due time is checked against the past only when it changes.</summary>
    public async Task EditAsync(long id, FollowUpForm form, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        var errors = new FieldErrors();
        form.Check(errors);
        await using var db = dbs.CreateDbContext();
        var followUp = await LoadAsync(db, id, expectedVersion, ct);
        var dueAt = form.Date is { } d && form.Time is { } t ? time.ToUtc(d, t) : (DateTime?)null;
        if (dueAt is { } due && due != followUp.DueAt) DueAt(form, errors, now);
        // Left as it was, the salesperson is not checked again: a removed user's open follow-up can still be corrected.
        if (form.AssignedUserId != followUp.AssignedUserId)
            await Assignees.CheckAsync(db, form.AssignedUserId, nameof(FollowUpForm.AssignedUserId), errors, ct);
        errors.ThrowIfAny();
        await EnsureClientAsync(db, followUp.ClientId, ct);

        var previous = followUp.AssignedUserId;
        var edited = followUp.Edit(form.Kind, dueAt!.Value, Clean(form.Notes));
        var reassigned = followUp.Reassign(form.AssignedUserId);
        if (!edited && !reassigned) return;
        var names = await Assignees.NamesAsync(db, [previous, followUp.AssignedUserId], ct);
        if (edited) db.Record(followUp.ClientId, HistoryKind.FollowUpEdited, actor, now, followUp.Notes, Data(followUp, names[followUp.AssignedUserId].Name));
        if (reassigned) RecordReassigned(db, followUp, actor, now, names, previous);
        await db.SaveCheckedAsync(ct, "Error.FollowUpChangedMeanwhile");
        await PublishAsync(followUp, actor, forUser: reassigned ? followUp.AssignedUserId : null);
    }

    public async Task ReassignAsync(long id, string userId, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var errors = new FieldErrors();
        await using var db = dbs.CreateDbContext();
        await Assignees.CheckAsync(db, userId, nameof(FollowUpForm.AssignedUserId), errors, ct);
        errors.ThrowIfAny();
        var followUp = await LoadAsync(db, id, expectedVersion, ct);
        await EnsureClientAsync(db, followUp.ClientId, ct);
        var previous = followUp.AssignedUserId;
        if (!followUp.Reassign(userId)) return;
        RecordReassigned(db, followUp, actor, time.UtcNow, await Assignees.NamesAsync(db, [previous, userId], ct), previous);
        await db.SaveCheckedAsync(ct, "Error.FollowUpChangedMeanwhile");
        await PublishAsync(followUp, actor, forUser: userId);
    }

    /// <summary>Done with an outcome (required): the History keeps what came of it (COM-3).</summary>
    public async Task CompleteAsync(long id, string outcome, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        var text = Clean(outcome);
        if (text.Length == 0) throw ValidationFailedException.For("Outcome", "Error.OutcomeRequired");
        if (text.Length > FollowUp.OutcomeMax) throw ValidationFailedException.For("Outcome", $"Error.TooLong|{FollowUp.OutcomeMax}");
        await using var db = dbs.CreateDbContext();
        var followUp = await LoadAsync(db, id, expectedVersion, ct);
        await EnsureClientAsync(db, followUp.ClientId, ct);
        followUp.Complete(text, actor.UserId, now);
        var names = await Assignees.NamesAsync(db, [followUp.AssignedUserId], ct);
        var assignee = names.TryGetValue(followUp.AssignedUserId, out var n) ? n.Name : string.Empty;
        db.Record(followUp.ClientId, HistoryKind.FollowUpCompleted, actor, now, text, Data(followUp, assignee) with { Outcome = text });
        await db.SaveCheckedAsync(ct, "Error.FollowUpChangedMeanwhile");
        await PublishAsync(followUp, actor, forUser: null);
    }

    /// <summary>The due time in UTC, or a field error on the date: missing, or more than the allowed days in the past.</summary>
    private DateTime? DueAt(FollowUpForm form, FieldErrors errors, DateTime now)
    {
        if (form.Date is not { } date || form.Time is not { } at) return null;
        var due = time.ToUtc(date, at);
        if (due < now.AddDays(-time.PastDaysAllowed)) errors.Add(nameof(FollowUpForm.Date), $"Error.DueTooFarInPast|{time.PastDaysAllowed}");
        return due;
    }

    private FollowUpHistoryData Data(FollowUp f, string assignee) =>
        new(f.Id, f.Kind, time.ToLocal(f.DueAt), assignee, f.Notes);

    private void RecordReassigned(CrmDbContext db, FollowUp f, Actor actor, DateTime now, Dictionary<string, (string Name, bool Removed)> names, string previous)
    {
        var from = names.TryGetValue(previous, out var p) ? p.Name : string.Empty;
        db.Record(f.ClientId, HistoryKind.FollowUpReassigned, actor, now, f.Notes, Data(f, names[f.AssignedUserId].Name) with { FromUser = from });
    }

    /// <summary>Deactivated clients keep being followed up (winning them back is commercial work); archived ones are closed.</summary>
    private static async Task EnsureClientAsync(CrmDbContext db, long clientId, CancellationToken ct)
    {
        var status = await db.Clients.Where(c => c.Id == clientId).Select(c => (ClientStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
    }

    private static async Task<FollowUp> LoadAsync(CrmDbContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException("Error.FollowUpNotFound");
        if (followUp.Version != expectedVersion) throw new ConcurrencyConflictException("Error.FollowUpChangedMeanwhile");
        return followUp;
    }

    private static string Clean(string? text) => (text ?? string.Empty).Trim();

    private async Task PublishAsync(FollowUp f, Actor actor, string? forUser)
    {
        await feed.PublishAsync(new Change(Topics.FollowUp, f.Id, actor.UserId, f.ClientId, forUser));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, f.ClientId));
    }
}
