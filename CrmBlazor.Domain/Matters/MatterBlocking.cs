using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// MAT-5: a matter is blocked when none of its clients is active on it — its only client was made inactive, or all of
/// them were. A blocked matter takes no new activity, no matter proforma and no client split, and is left out of the
/// top bar "+" list. The services that do those things ask here, so the server refuses them, not only the buttons.
/// <para>Every matter keeps at least one client (creation requires one, the last cannot be removed), so "no active
/// client" is the same as "has clients and none is active".</para>
/// </summary>
public static class MatterBlocking
{
    /// <summary>For parties already in memory (role, active flag).</summary>
    public static bool IsBlocked(IEnumerable<(PartyRole Role, bool IsActive)> parties) =>
        !parties.Any(p => p.Role == PartyRole.Client && p.IsActive);

    /// <summary>One query; an unknown matter counts as blocked (nothing can be added to it).</summary>
    public static async Task<bool> IsBlockedAsync(CrmDbContext db, long matterId, CancellationToken ct = default) =>
        !await db.MatterParties.AnyAsync(p => p.MatterId == matterId && p.Role == PartyRole.Client && p.IsActive, ct);

    /// <summary>Refuses with "Error.MatterBlockedNoActiveClient" when the matter is blocked.</summary>
    public static async Task EnsureNotBlockedAsync(CrmDbContext db, long matterId, CancellationToken ct = default)
    {
        if (await IsBlockedAsync(db, matterId, ct)) throw new Common.DomainException("Error.MatterBlockedNoActiveClient");
    }

    /// <summary>Matters with at least one active client: e.g. the "+" list, transfer destinations (MAT-5, MAT-9).</summary>
    public static IQueryable<Matter> WhereNotBlocked(this IQueryable<Matter> matters, CrmDbContext db) =>
        matters.Where(m => db.MatterParties.Any(p => p.MatterId == m.Id && p.Role == PartyRole.Client && p.IsActive));

    public static IQueryable<Matter> WhereBlocked(this IQueryable<Matter> matters, CrmDbContext db) =>
        matters.Where(m => !db.MatterParties.Any(p => p.MatterId == m.Id && p.Role == PartyRole.Client && p.IsActive));
}
