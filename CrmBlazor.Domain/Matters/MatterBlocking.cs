using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// MAT-5, the one place the rule lives: a matter is blocked when none of its clients is active on it — its only client
/// was made inactive, or all of them were. A blocked matter takes no new activity, no matter proforma, no client split
/// and no transfer into it, and is left out of the pickers. The services that do those things ask here, so the server
/// refuses them, not only the buttons, and every refusal says the same.
/// <para>Every matter keeps at least one client (creation requires one, the last cannot be removed), so "no active
/// client" is the same as "has clients and none is active".</para>
/// </summary>
public static class MatterBlocking
{
    /// <summary>The message of every refusal on a blocked matter; its argument is the matter's number.</summary>
    public const string RefusedKey = "Error.MatterBlocked";

    /// <summary>For parties already in memory (role, active flag).</summary>
    public static bool IsBlocked(IEnumerable<(PartyRole Role, bool IsActive)> parties) =>
        !parties.Any(p => p.Role == PartyRole.Client && p.IsActive);

    /// <summary>Refuses with <see cref="RefusedKey"/> when the parties leave the matter blocked.</summary>
    public static void EnsureNotBlocked(IEnumerable<(PartyRole Role, bool IsActive)> parties, string matterNumber)
    {
        if (IsBlocked(parties)) throw new DomainException(RefusedKey, null, matterNumber);
    }

    /// <summary>One query; an unknown matter counts as blocked (nothing can be added to it).</summary>
    public static async Task<bool> IsBlockedAsync(CrmDbContext db, long matterId, CancellationToken ct = default) =>
        !await db.Matters.Where(m => m.Id == matterId).WhereNotBlocked(db).AnyAsync(ct);

    /// <summary>Matters with at least one active client: e.g. the "+" list, transfer destinations (MAT-5, MAT-9).</summary>
    public static IQueryable<Matter> WhereNotBlocked(this IQueryable<Matter> matters, CrmDbContext db) =>
        matters.Where(m => db.MatterParties.Any(p => p.MatterId == m.Id && p.Role == PartyRole.Client && p.IsActive));
}
