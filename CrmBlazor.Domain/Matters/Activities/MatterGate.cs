using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters.Split;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>A client of a matter as the activity services see it: its flag on this matter and its stored percentage.</summary>
internal sealed record GateClient(long PartyId, long ClientId, string Name, ClientStatus Status, bool IsActive, int? BasisPoints);

/// <summary>
/// A matter's clients read in one query, and the rule every activity action checks first: a matter whose clients are
/// all inactive (one or several) is blocked (MAT-5) — no new activity, no split, no proforma, no transfer into it.
/// </summary>
internal sealed record MatterGate(long MatterId, string Number, string Title, string Currency, MatterStatus Status, long Version, IReadOnlyList<GateClient> Clients)
{
    public bool IsBlocked => MatterBlocking.IsBlocked(Parties);

    private IEnumerable<(PartyRole, bool)> Parties => Clients.Select(c => (PartyRole.Client, c.IsActive));

    /// <summary>The active clients, earliest added first (the order of the split and of its remainder rule).</summary>
    public IReadOnlyList<GateClient> Active => Clients.Where(c => c.IsActive).ToList();

    public void EnsureNotBlocked() => MatterBlocking.EnsureNotBlocked(Parties, Number);

    /// <summary>The stored percentages cover exactly the active clients and add up to 100 %.</summary>
    public bool SplitIsCurrent =>
        Clients.All(c => c.IsActive == c.BasisPoints.HasValue) && (Active.Count == 0 || Active.Sum(c => c.BasisPoints ?? 0) == MatterSplit.Whole);

    /// <summary>One query: the matter left-joined with its client parties, their names and stored percentages.</summary>
    public static async Task<MatterGate> LoadAsync(CrmDbContext db, long matterId, CancellationToken ct)
    {
        var rows = await (from m in db.Matters.AsNoTracking()
                          where m.Id == matterId
                          join p0 in db.MatterParties.Where(p => p.Role == PartyRole.Client) on m.Id equals p0.MatterId into ps
                          from p in ps.DefaultIfEmpty()
                          join c0 in db.Clients on p.ClientId equals c0.Id into cs
                          from c in cs.DefaultIfEmpty()
                          join s0 in db.MatterSplits on new { p.MatterId, p.ClientId } equals new { s0.MatterId, s0.ClientId } into ss
                          from s in ss.DefaultIfEmpty()
                          orderby p.Id
                          select new
                          {
                              m.Number, m.Title, m.Currency, m.Status, m.Version,
                              PartyId = (long?)p.Id, ClientId = (long?)p.ClientId, Name = c.Name, ClientStatus = (ClientStatus?)c.Status,
                              IsActive = (bool?)p.IsActive, BasisPoints = (int?)s.BasisPoints,
                          }).ToListAsync(ct);
        if (rows.Count == 0) throw new DomainException("Error.ActivityMatterNotFound");
        var first = rows[0];
        var clients = rows.Where(r => r.PartyId is not null)
            .Select(r => new GateClient(r.PartyId!.Value, r.ClientId!.Value, r.Name, r.ClientStatus!.Value, r.IsActive!.Value, r.BasisPoints)).ToList();
        return new MatterGate(matterId, first.Number, first.Title, first.Currency, first.Status, first.Version, clients);
    }

    /// <summary>
    /// Party changes made without a new split (e.g. by a party editor that did not rebalance) would leave common
    /// activities split among the wrong clients: put the split back in step first.
    /// </summary>
    public async Task EnsureSplitAsync(CrmDbContext db, CancellationToken ct)
    {
        if (!SplitIsCurrent) await ActivitySplitter.RebalanceAsync(db, MatterId, ct);
    }
}
