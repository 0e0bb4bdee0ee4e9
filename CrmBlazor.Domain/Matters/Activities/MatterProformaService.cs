using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>
/// "Matter proforma" (MAT-13): one draft proforma per active client from the matter's unbilled billable activities —
/// those attributed to it and its shares of the common ones — after which those activities are billed and never change
/// again. Refused on a blocked matter (MAT-5) or with nothing to bill. One transaction.
/// </summary>
public sealed class MatterProformaService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    /// <summary>Drafts the proformas with every line at <paramref name="taxRateId"/>; returns their ids, one per client billed.</summary>
    public async Task<IReadOnlyList<long>> CreateAsync(long matterId, long taxRateId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = dbs.CreateDbContext();
        var gate = await MatterGate.LoadAsync(db, matterId, ct);
        gate.EnsureNotBlocked();
        var rates = await db.TaxRates.Where(t => t.IsActive).ToDictionaryAsync(t => t.Id, t => t.Percent, ct);
        if (!rates.ContainsKey(taxRateId)) throw ValidationFailedException.For("TaxRateId", "Error.TaxRateUnknown");
        var active = gate.Active;
        var activeIds = active.Select(c => c.ClientId).ToArray();
        var languages = await db.Clients.Where(c => EF.Parameter(activeIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Language, ct);
        if (active.FirstOrDefault(c => c.Status == Clients.ClientStatus.Archived) is { } archived)
            throw new DomainException("Error.MatterProformaClientArchived", null, archived.Name);
        var terms = await db.Settings.Select(s => s.PaymentTermDays).SingleAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await gate.EnsureSplitAsync(db, ct);
        var unbilled = db.Activities.Where(a => a.MatterId == matterId && a.BilledAt == null && a.Billable);
        var attributed = await unbilled.Where(a => a.ClientId != null && EF.Parameter(activeIds).Contains(a.ClientId.Value)).ToListAsync(ct);
        var common = await unbilled.Where(a => a.ClientId == null).ToListAsync(ct);
        var shares = await db.ActivityShares.AsNoTracking().Where(s => unbilled.Where(a => a.ClientId == null).Select(a => a.Id).Contains(s.ActivityId))
            .ToListAsync(ct);
        var commonById = common.ToDictionary(a => a.Id);

        var drafted = new List<(GateClient Client, Document Document, List<Activity> Attributed)>();
        foreach (var client in active)
        {
            var own = attributed.Where(a => a.ClientId == client.ClientId).ToList();
            var lines = own.Select(a => (Activity: a, Amount: a.AmountMinor))
                .Concat(shares.Where(s => s.ClientId == client.ClientId && s.AmountMinor > 0).Select(s => (Activity: commonById[s.ActivityId], Amount: s.AmountMinor)))
                .OrderBy(l => l.Activity.Date).ThenBy(l => l.Activity.Id)
                .Select(l => new LineInput { Description = LineText(l.Activity), Quantity = 1, UnitPriceMinor = l.Amount, TaxRateId = taxRateId })
                .ToList();
            if (lines.Count == 0) continue;
            var form = new DocumentForm
            {
                Type = DocumentType.Proforma, ClientId = client.ClientId, Language = languages[client.ClientId], Currency = gate.Currency,
                IssueDate = today, DueDate = today.AddDays(terms), Notes = $"{gate.Number} · {gate.Title}", Lines = lines,
            };
            var document = Document.CreateDraft(form, rates, now);
            db.Documents.Add(document);
            drafted.Add((client, document, own));
        }
        if (drafted.Count == 0) throw new DomainException("Error.MatterNothingToBill", null, gate.Number);
        await db.SaveChangesAsync(ct);

        // A common activity is on several proformas: its shares say how much is on whose; it keeps no single document.
        foreach (var (_, document, own) in drafted)
            foreach (var a in own) a.MarkBilled(document.Id, now);
        var shared = shares.Where(s => s.AmountMinor > 0).Select(s => s.ActivityId).ToHashSet();
        foreach (var a in common.Where(a => shared.Contains(a.Id))) a.MarkBilled(null, now);
        var billed = drafted.Sum(d => d.Attributed.Count) + common.Count(a => a.IsBilled);
        var data = new ProformaHistoryData(matterId, gate.Number, gate.Currency, billed,
            drafted.Select(d => new ProformaHistoryPart(d.Document.Id, d.Client.ClientId, d.Client.Name, d.Document.TotalMinor)).ToList());
        db.RecordOnMatter(matterId, HistoryKind.MatterProformasDrafted, actor, now, gate.Number, data);
        foreach (var (client, document, _) in drafted)
            db.Record(client.ClientId, HistoryKind.DocumentCreated, actor, now, DocumentService.Label(document), new DocumentRef(document.Id, document.Type, null));
        await db.SaveCheckedAsync(ct, "Error.ActivityChangedMeanwhile");
        await tx.CommitAsync(ct);

        foreach (var (client, document, _) in drafted)
        {
            await feed.PublishAsync(new Change(Topics.Document, document.Id, actor.UserId, client.ClientId));
            await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, client.ClientId));
        }
        await feed.PublishAsync(new Change(Topics.Activity, matterId, actor.UserId));
        await feed.PublishAsync(new Change(Topics.Matter, matterId, actor.UserId));
        return drafted.Select(d => d.Document.Id).ToList();
    }

    private static string LineText(Activity a) => a.Kind == ActivityKind.Time && a.DurationMinutes is { } m
        ? $"{a.Date:yyyy-MM-dd} · {a.Description} ({m / 60}:{m % 60:00} h)"
        : $"{a.Date:yyyy-MM-dd} · {a.Description}";
}
