using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Split;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// Creating a matter with its parties and intervenants in one transaction (MAT-1), its intervenants (MAT-14) and
/// deleting it (MAT-12). Parties are changed by <see cref="MatterPartyService"/>; reads are in <see cref="MatterQueries"/>.
/// </summary>
public sealed class MatterService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<long> CreateAsync(MatterForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        form.Check(errors);
        await using var db = dbs.CreateDbContext();
        var userIds = form.IntervenantIds.Append(form.ResponsibleUserId).Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var known = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (!string.IsNullOrEmpty(form.ResponsibleUserId) && !known.Contains(form.ResponsibleUserId)) errors.Add(nameof(MatterForm.ResponsibleUserId), "Error.UserNotFound");
        if (form.IntervenantIds.Any(id => !known.Contains(id))) errors.Add(nameof(MatterForm.IntervenantIds), "Error.UserNotFound");
        var clients = await MatterPartyRules.ClientsAsync(db, form.Parties.Select(p => p.ClientId), ct);
        MatterPartyRules.CheckNewParties(form.Parties, clients, errors);
        errors.ThrowIfAny();

        var currency = await db.Settings.Select(s => s.DefaultCurrency).SingleOrDefaultAsync(ct) ?? "EUR";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await MatterNumbering.NextAsync(db, now.Year, ct);
        var matter = Matter.Create(number, form.Title, form.ResponsibleUserId, currency, form.Parties, form.IntervenantIds, now);
        db.Matters.Add(matter);
        await db.SaveChangesAsync(ct);
        await ActivitySplitter.RebalanceAsync(db, matter.Id, ct);
        db.RecordOnMatter(matter.Id, HistoryKind.MatterCreated, actor, now, matter.Title, new MatterRef(matter.Id, matter.Number, matter.Title));
        foreach (var party in matter.Parties)
            db.Record(party.ClientId, HistoryKind.MatterPartyAdded, actor, now, Label(matter),
                new MatterPartyData(matter.Id, matter.Number, matter.Title, party.ClientId, clients[party.ClientId].Name, party.Role, PartyChanges.Added));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(feed, matter.Id, matter.Parties.Select(p => p.ClientId), actor);
        return matter.Id;
    }

    /// <summary>The responsible user or an administrator chooses the intervenants (MAT-1).</summary>
    public Task AddIntervenantAsync(long matterId, string userId, long expectedVersion, CancellationToken ct = default) =>
        ChangeIntervenantAsync(matterId, userId, expectedVersion, add: true, ct);

    public Task RemoveIntervenantAsync(long matterId, string userId, long expectedVersion, CancellationToken ct = default) =>
        ChangeIntervenantAsync(matterId, userId, expectedVersion, add: false, ct);

    /// <summary>"Add me" (MAT-14): only a user whose profile carries <see cref="ProfileRights.JoinMatters"/>.</summary>
    public async Task JoinAsync(long matterId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        actor.Require(ProfileRights.JoinMatters);
        if (actor.UserId is null) throw new NotAllowedException();
        await using var db = dbs.CreateDbContext();
        var matter = await LoadAsync(db, matterId, expectedVersion: null, ct);
        await SaveIntervenantAsync(db, matter, actor, actor.UserId, add: true, ct);
    }

    /// <summary>Corrects the title or hands the matter to another responsible user: the responsible user or an administrator.</summary>
    public async Task UpdateDetailsAsync(long matterId, MatterDetailsForm form, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        form.Check(errors);
        await using var db = dbs.CreateDbContext();
        var responsible = string.IsNullOrEmpty(form.ResponsibleUserId) ? null
            : await db.Users.Where(u => u.Id == form.ResponsibleUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(form.ResponsibleUserId) && responsible is null) errors.Add(nameof(MatterDetailsForm.ResponsibleUserId), "Error.UserNotFound");
        errors.ThrowIfAny();
        var matter = await LoadAsync(db, matterId, expectedVersion, ct);
        RequireResponsibleOrAdmin(matter, actor, "Error.MatterStatusByResponsible");
        if (!matter.ChangeDetails(form.Title, form.ResponsibleUserId, now)) return;
        db.RecordOnMatter(matter.Id, HistoryKind.MatterChanged, actor, now, matter.Title,
            new MatterChangeData(matter.Id, matter.Number, matter.Title, PartyChanges.DetailsChanged, responsible));
        await db.SaveCheckedAsync(ct, "Error.MatterChangedMeanwhile");
        await PublishAsync(feed, matter.Id, matter.Parties.Select(p => p.ClientId), actor);
    }

    /// <summary>Closes or reopens the matter: the responsible user or an administrator.</summary>
    public async Task SetStatusAsync(long matterId, MatterStatus status, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var matter = await LoadAsync(db, matterId, expectedVersion, ct);
        RequireResponsibleOrAdmin(matter, actor, "Error.MatterStatusByResponsible");
        if (!matter.SetStatus(status, now)) return;
        db.RecordOnMatter(matter.Id, HistoryKind.MatterChanged, actor, now, matter.Title,
            new MatterChangeData(matter.Id, matter.Number, matter.Title, status == MatterStatus.Closed ? PartyChanges.Closed : PartyChanges.Reopened));
        await db.SaveCheckedAsync(ct, "Error.MatterChangedMeanwhile");
        await feed.PublishAsync(new Change(Topics.Matter, matter.Id, actor.UserId));
    }

    /// <summary>How many activities a deletion would take with it, and whether billing forbids it (MAT-12).</summary>
    public async Task<MatterDeletionStakes> DeletionStakesAsync(long matterId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        if (!await db.Matters.AnyAsync(m => m.Id == matterId, ct)) throw new DomainException("Error.MatterNotFound");
        var activities = await db.Activities.CountAsync(a => a.MatterId == matterId, ct);
        var billed = await Billed(db, matterId).CountAsync(ct);
        return new MatterDeletionStakes(activities, billed, billed == 0);
    }

    /// <summary>
    /// Deletes the matter with its parties, intervenants, activities, split and timeline (MAT-12). Needs the profile
    /// right; refused once any of its activities was billed: their proforma is, or may become, an invoice.
    /// </summary>
    public async Task DeleteAsync(long matterId, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        actor.Require(ProfileRights.DeleteMatters);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var matter = await LoadAsync(db, matterId, expectedVersion, ct);
        if (await Billed(db, matterId).AnyAsync(ct)) throw new DomainException("Error.MatterHasInvoices");
        var activities = await db.Activities.CountAsync(a => a.MatterId == matterId, ct);
        var clientIds = matter.Parties.Select(p => p.ClientId).ToList();
        var data = new MatterChangeData(matter.Id, matter.Number, matter.Title, PartyChanges.Deleted, Activities: activities);
        foreach (var clientId in clientIds) db.Record(clientId, HistoryKind.MatterChanged, actor, now, Label(matter), data);
        db.Audit.Add(new AuditEntry(now, actor.UserId, actor.Name, "matter.deleted", matter.Number,
            System.Text.Json.JsonSerializer.Serialize(new { matter.Id, matter.Title, Activities = activities, Clients = clientIds })));
        // The database cascades to activities, their shares, the split and the timeline.
        db.Matters.Remove(matter);
        await db.SaveCheckedAsync(ct, "Error.MatterChangedMeanwhile");
        await tx.CommitAsync(ct);
        await PublishAsync(feed, matterId, clientIds, actor);
    }

    /// <summary>Changing the team, the details or the status of a matter is for its responsible user or an administrator.</summary>
    private static void RequireResponsibleOrAdmin(Matter matter, Actor actor, string messageKey)
    {
        if (matter.ResponsibleUserId != actor.UserId && !actor.Roles.Contains(StaffRoles.Admin) && !actor.Roles.Contains(Actor.SystemRole))
            throw new NotAllowedException(messageKey);
    }

    internal static string Label(Matter matter) => $"{matter.Number} {matter.Title}";

    internal static async Task<Matter> LoadAsync(CrmDbContext db, long matterId, long? expectedVersion, CancellationToken ct)
    {
        var matter = await db.Matters.Include(m => m.Parties).Include(m => m.Intervenants).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == matterId, ct) ?? throw new DomainException("Error.MatterNotFound");
        if (expectedVersion is { } v && matter.Version != v) throw new ConcurrencyConflictException("Error.MatterChangedMeanwhile");
        return matter;
    }

    /// <summary>Publishes after the commit: the matter (lists, its page) and each client concerned (its Matters tab, History).</summary>
    internal static async Task PublishAsync(ChangeFeed feed, long matterId, IEnumerable<long> clientIds, Actor actor)
    {
        await feed.PublishAsync(new Change(Topics.Matter, matterId, actor.UserId));
        foreach (var clientId in clientIds.Distinct())
        {
            await feed.PublishAsync(new Change(Topics.Matter, matterId, actor.UserId, clientId));
            await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, clientId));
        }
    }

    private static IQueryable<Activity> Billed(CrmDbContext db, long matterId) =>
        db.Activities.Where(a => a.MatterId == matterId && (a.BilledAt != null || a.DocumentId != null));

    private async Task ChangeIntervenantAsync(long matterId, string userId, long expectedVersion, bool add, CancellationToken ct)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        await using var db = dbs.CreateDbContext();
        var matter = await LoadAsync(db, matterId, expectedVersion, ct);
        RequireResponsibleOrAdmin(matter, actor, "Error.MatterIntervenantsByResponsible");
        await SaveIntervenantAsync(db, matter, actor, userId, add, ct);
    }

    private async Task SaveIntervenantAsync(CrmDbContext db, Matter matter, Actor actor, string userId, bool add, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For(nameof(MatterForm.IntervenantIds), "Error.UserNotFound");
        var changed = add ? matter.AddIntervenant(userId, now) : matter.RemoveIntervenant(userId, now);
        if (!changed) return;
        db.RecordOnMatter(matter.Id, HistoryKind.MatterChanged, actor, now, name,
            new MatterChangeData(matter.Id, matter.Number, matter.Title, add ? PartyChanges.IntervenantAdded : PartyChanges.IntervenantRemoved, name));
        await db.SaveCheckedAsync(ct, "Error.MatterChangedMeanwhile");
        await feed.PublishAsync(new Change(Topics.Matter, matter.Id, actor.UserId));
    }
}
