using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

internal sealed record PartyClient(string Name, ClientKind Kind, ClientStatus Status);

/// <summary>The checks on parties that need the database, shared by creation and the "Edit parties" dialog.</summary>
internal static class MatterPartyRules
{
    public static async Task<Dictionary<long, PartyClient>> ClientsAsync(CrmDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Clients.Where(c => list.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new PartyClient(c.Name, c.Kind, c.Status), ct);
    }

    /// <summary>Parties being added: the client exists and is not archived (inactive ones may be picked, DEA-7); a linked contact is a person.</summary>
    public static void CheckNewParties(IEnumerable<PartyInput> parties, IReadOnlyDictionary<long, PartyClient> clients, FieldErrors errors)
    {
        foreach (var party in parties)
        {
            if (!clients.TryGetValue(party.ClientId, out var client)) errors.Add(nameof(MatterForm.Parties), "Error.ClientNotFound");
            else if (client.Status == ClientStatus.Archived) errors.Add(nameof(MatterForm.Parties), "Error.MatterClientArchived");
            else if (party.Role == PartyRole.Contact && client.Kind != ClientKind.Person) errors.Add(nameof(MatterForm.Parties), "Error.MatterContactPerson");
        }
    }

    /// <summary>
    /// A client leaves a matter (removed, or given another role) only while none of the matter's activities is attributed
    /// to it or shared with it, billed or not: otherwise its part of the work would be lost. Making it inactive is the way.
    /// </summary>
    public static async Task EnsureNoActivitiesAsync(CrmDbContext db, long matterId, long clientId, string clientName, CancellationToken ct)
    {
        var matterActivities = db.Activities.Where(a => a.MatterId == matterId);
        var used = await matterActivities.AnyAsync(a => a.ClientId == clientId, ct)
                   || await db.ActivityShares.AnyAsync(s => s.ClientId == clientId && matterActivities.Any(a => a.Id == s.ActivityId), ct);
        if (used) throw new DomainException("Error.MatterPartyHasActivities", nameof(MatterForm.Parties), clientName);
    }
}
