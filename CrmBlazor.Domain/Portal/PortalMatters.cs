using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The portal's matters (POR-2, MAT-11): only those where the contact's customer is a client party with sharing on,
/// and only with the Projects permission. A matter not shared with this customer reads exactly like one that does not exist.
/// </summary>
public sealed class PortalMatters(CrmDbContextFactory dbs)
{
    public const int ListLimit = 200;
    public const int ActivityLimit = 200;

    /// <summary>The matters shared with the customer, newest number first; null without the Projects permission.</summary>
    public async Task<IReadOnlyList<PortalMatterRow>?> ListAsync(PortalContact contact, CancellationToken ct = default)
    {
        if (!contact.May(PortalPermissions.Projects)) return null;
        await using var db = dbs.CreateDbContext();
        return await (from m in Shared(db, contact)
                      join u in db.Users on m.ResponsibleUserId equals u.Id into users
                      from u in users.DefaultIfEmpty()
                      orderby m.Number descending
                      select new PortalMatterRow(m.Id, m.Number, m.Title, m.Status, u == null ? string.Empty : u.DisplayName))
            .Take(ListLimit).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The matter with this customer's activities and what they come to; null when it is not shared with the customer.</summary>
    public async Task<PortalMatterDetail?> GetAsync(PortalContact contact, long id, CancellationToken ct = default)
    {
        if (!contact.May(PortalPermissions.Projects)) return null;
        await using var db = dbs.CreateDbContext();
        var matter = await (from m in Shared(db, contact).Where(m => m.Id == id)
                            join u in db.Users on m.ResponsibleUserId equals u.Id into users
                            from u in users.DefaultIfEmpty()
                            select new { m.Id, m.Number, m.Title, m.Status, m.Currency, Responsible = u == null ? string.Empty : u.DisplayName })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (matter is null) return null;

        // The customer's own activities, and its shares of the common ones (time prorated to the share), in one UNION ALL.
        var own = db.Activities.Where(a => a.MatterId == id && a.ClientId == contact.CustomerId)
            .Select(a => new { a.Id, a.Kind, a.Date, a.Description, Minutes = (double)(a.DurationMinutes ?? 0), a.AmountMinor, a.Billable,
                Billed = a.BilledAt != null, Common = false });
        var shares = from s in db.ActivityShares
                     join a in db.Activities on s.ActivityId equals a.Id
                     where a.MatterId == id && a.ClientId == null && s.ClientId == contact.CustomerId
                     select new { a.Id, a.Kind, a.Date, a.Description,
                         Minutes = a.AmountMinor == 0 ? 0d : (double)(a.DurationMinutes ?? 0) * s.AmountMinor / a.AmountMinor, s.AmountMinor, a.Billable,
                         Billed = a.BilledAt != null, Common = true };
        var parts = own.Concat(shares);
        var rows = (await parts.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(ActivityLimit + 1).ToListAsync(ct))
            .Select(p => new PortalActivityRow(p.Id, p.Kind, p.Date, p.Description, p.Minutes, p.AmountMinor, p.Billable, p.Billed, p.Common)).ToList();
        var totals = await parts.GroupBy(p => new { p.Kind, p.Billable, p.Billed })
            .Select(g => new { g.Key.Kind, g.Key.Billable, g.Key.Billed, Amount = g.Sum(p => p.AmountMinor), Minutes = g.Sum(p => p.Minutes) })
            .ToListAsync(ct);
        var summary = new PortalMatterSummary(
            Hours: Math.Round(totals.Where(t => t.Kind == ActivityKind.Time).Sum(t => t.Minutes) / 60d, 2),
            TimeMinor: totals.Where(t => t.Kind == ActivityKind.Time).Sum(t => t.Amount),
            ExpensesMinor: totals.Where(t => t.Kind == ActivityKind.Expense).Sum(t => t.Amount),
            BilledMinor: totals.Where(t => t.Billed).Sum(t => t.Amount),
            UnbilledMinor: totals.Where(t => t.Billable && !t.Billed).Sum(t => t.Amount));
        return new PortalMatterDetail(matter.Id, matter.Number, matter.Title, matter.Status, matter.Responsible, matter.Currency, summary,
            rows.Take(ActivityLimit).ToList(), rows.Count > ActivityLimit);
    }

    private static IQueryable<Matter> Shared(CrmDbContext db, PortalContact contact) =>
        db.Matters.Where(m => db.MatterParties.Any(p => p.MatterId == m.Id && p.ClientId == contact.CustomerId
            && p.Role == PartyRole.Client && p.SharedOnPortal));
}
