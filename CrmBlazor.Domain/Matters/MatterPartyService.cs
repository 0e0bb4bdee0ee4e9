using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Split;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// A matter's parties after creation (MAT-1 "Edit parties", MAT-2, MAT-11): added, removed, made active or inactive on
/// this matter only, portal sharing switched. Each change is one transaction checked against the version the page
/// showed; when the active clients change, the unbilled common activities are split again among them (MAT-6, MAT-7).
/// </summary>
public sealed class MatterPartyService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    /// <summary>The "Edit parties" dialog's save: the matter's parties become exactly <paramref name="parties"/>.</summary>
    public Task SaveAsync(long matterId, long expectedVersion, IReadOnlyList<PartyInput> parties, CancellationToken ct = default) =>
        ChangeAsync(matterId, expectedVersion, _ => parties, ct);

    /// <summary>The Active / Inactive toggle of one party (MAT-2), for clients, other parties and linked contacts alike.</summary>
    public Task SetActiveAsync(long matterId, long clientId, bool active, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(matterId, expectedVersion, current => current.Select(p => p.ClientId == clientId ? p with { IsActive = active } : p).ToList(), ct);

    /// <summary>Portal sharing for one client (MAT-11): staff may switch it on again by hand while the client is active here.</summary>
    public Task SetSharingAsync(long matterId, long clientId, bool shared, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(matterId, expectedVersion, current => current.Select(p => p.ClientId == clientId ? p with { SharedOnPortal = shared } : p).ToList(), ct);

    private async Task ChangeAsync(long matterId, long expectedVersion, Func<IReadOnlyList<PartyInput>, IReadOnlyList<PartyInput>> edit, CancellationToken ct)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var matter = await MatterService.LoadAsync(db, matterId, expectedVersion, ct);
        var before = matter.Parties.Select(p => new PartyInput(p.ClientId, p.Role, p.IsActive, p.SharedOnPortal)).ToList();
        var after = edit(before);
        var errors = new FieldErrors();
        MatterForm.CheckParties(after.ToList(), errors);
        errors.ThrowIfAny();

        var clients = await MatterPartyRules.ClientsAsync(db, before.Concat(after).Select(p => p.ClientId), ct);
        var added = after.Where(a => !before.Any(b => b.ClientId == a.ClientId && b.Role == a.Role)).ToList();
        var removed = before.Where(b => !after.Any(a => a.ClientId == b.ClientId && a.Role == b.Role)).ToList();
        MatterPartyRules.CheckNewParties(added, clients, errors);
        errors.ThrowIfAny();
        foreach (var gone in removed.Where(p => p.Role == PartyRole.Client))
            await MatterPartyRules.EnsureNoActivitiesAsync(db, matterId, gone.ClientId, clients[gone.ClientId].Name, ct);

        var lines = new List<(long ClientId, HistoryKind Kind, MatterPartyData Data)>();
        void Note(PartyInput p, HistoryKind kind, string change) =>
            lines.Add((p.ClientId, kind, new MatterPartyData(matter.Id, matter.Number, matter.Title, p.ClientId, clients[p.ClientId].Name, p.Role, change)));

        foreach (var gone in removed)
        {
            matter.RemoveParty(gone.ClientId, now);
            Note(gone, HistoryKind.MatterPartyRemoved, PartyChanges.Removed);
        }
        foreach (var party in added)
        {
            matter.AddParty(party.ClientId, party.Role, party.IsActive, party.SharedOnPortal, now);
            Note(party, HistoryKind.MatterPartyAdded, PartyChanges.Added);
        }
        matter.EnsureHasClient();
        foreach (var party in after.Except(added))
        {
            var was = before.Single(b => b.ClientId == party.ClientId);
            if (matter.SetPartyActive(party.ClientId, party.IsActive, now))
                Note(party, HistoryKind.MatterPartyChanged, party.IsActive ? PartyChanges.Activated : PartyChanges.Deactivated);
            // Deactivating switches sharing off (MAT-11); only a change the user asked for is applied and noted.
            var shared = matter.Party(party.ClientId)!.SharedOnPortal;
            if (party.SharedOnPortal != was.SharedOnPortal && matter.SetPartySharing(party.ClientId, party.SharedOnPortal, now))
                Note(party, HistoryKind.MatterPartyChanged, party.SharedOnPortal ? PartyChanges.Shared : PartyChanges.Unshared);
            else if (was.SharedOnPortal && !shared) Note(party, HistoryKind.MatterPartyChanged, PartyChanges.Unshared);
        }
        if (lines.Count == 0) return;

        await db.SaveCheckedAsync(ct, "Error.MatterChangedMeanwhile");
        if (ActiveClients(before) != ActiveClients(after)) await ActivitySplitter.RebalanceAsync(db, matterId, ct);
        foreach (var (clientId, kind, data) in lines)
        {
            db.RecordOnMatter(matterId, kind, actor, now, data.ClientName, data);
            db.Record(clientId, kind, actor, now, MatterService.Label(matter), data);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await MatterService.PublishAsync(feed, matterId, before.Concat(after).Select(p => p.ClientId), actor);
    }

    private static string ActiveClients(IEnumerable<PartyInput> parties) =>
        string.Join(",", parties.Where(p => p.Role == PartyRole.Client && p.IsActive).Select(p => p.ClientId).Order());
}
