using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Commercial;

/// <summary>
/// Deals (COM-4): create and edit with field errors, move across the board's stages, and make the deal's quote. Every change is
/// one save with its history line on the client, checked against the version the screen showed, published after the commit.
/// </summary>
public sealed class DealService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, CommercialTime time)
{
    /// <summary>Amounts are read in <paramref name="culture"/>, the user's (the circuit's culture when null).</summary>
    public async Task<long> CreateAsync(DealForm form, CultureInfo? culture = null, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        await using var db = dbs.CreateDbContext();
        var (amount, currency, owner) = await CheckAsync(db, form, culture, ct);
        var deal = new Deal(form.Title.Trim(), form.ClientId, amount, currency, form.Stage, form.OwnerUserId, form.ExpectedClose, now);
        db.Deals.Add(deal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Record(deal.ClientId, HistoryKind.DealCreated, actor, now, deal.Title, Data(deal, owner));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(deal, actor);
        return deal.Id;
    }

    /// <summary>Changes the details; moving it to another client writes the line in both clients' History.</summary>
    public async Task EditAsync(long id, DealForm form, long expectedVersion, CultureInfo? culture = null, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        await using var db = dbs.CreateDbContext();
        var deal = await LoadAsync(db, id, expectedVersion, ct);
        var (amount, currency, owner) = await CheckAsync(db, form, culture, ct, keepOwner: deal.OwnerUserId);
        var previousClient = deal.ClientId;
        // The amount is in the client's currency: it stays the deal's own unless the deal moves to another client.
        if (form.ClientId == previousClient) currency = deal.Currency;
        if (!deal.Edit(form.Title.Trim(), form.ClientId, amount, currency, form.Stage, form.OwnerUserId, form.ExpectedClose, now)) return;
        foreach (var clientId in new[] { previousClient, deal.ClientId }.Distinct())
            db.Record(clientId, HistoryKind.DealEdited, actor, now, deal.Title, Data(deal, owner));
        await db.SaveCheckedAsync(ct, "Error.DealChangedMeanwhile");
        await PublishAsync(deal, actor, previousClient);
    }

    /// <summary>A card dropped on another column of the board.</summary>
    public async Task MoveStageAsync(long id, DealStage stage, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        if (!Enum.IsDefined(stage)) throw new DomainException("Error.DealStageInvalid");
        var now = time.UtcNow;
        await using var db = dbs.CreateDbContext();
        var deal = await LoadAsync(db, id, expectedVersion, ct);
        await EnsureNotArchivedAsync(db, deal.ClientId, ct);
        var from = deal.Stage;
        if (!deal.MoveTo(stage, now)) return;
        db.Record(deal.ClientId, HistoryKind.DealStageChanged, actor, now, deal.Title, Data(deal, await OwnerNameAsync(db, deal, ct)) with { FromStage = from });
        await db.SaveCheckedAsync(ct, "Error.DealChangedMeanwhile");
        await PublishAsync(deal, actor);
    }

    /// <summary>
    /// A draft quote for the deal's client with one line (the deal's title, quantity 1, the amount) at the tax rate the document
    /// editor preselects, made and linked in one transaction. A deal has one quote: asked again, this returns the one it has.
    /// </summary>
    public async Task<long> CreateQuoteAsync(long id, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = time.UtcNow;
        await using var db = dbs.CreateDbContext();
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException("Error.DealNotFound");
        if (deal.QuoteDocumentId is { } existing) return existing;
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == deal.ClientId).Select(c => new { c.Status, c.Language }).SingleAsync(ct);
        if (client.Status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        var rates = await db.TaxRates.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        // The editor's order (country, then the highest rate first): the quote starts with the rate a new line gets there.
        var rate = rates.OrderBy(t => t.Country).ThenByDescending(t => t.Percent).FirstOrDefault() ?? throw new DomainException("Error.NoTaxRate");
        var today = time.Today;
        var form = new DocumentForm
        {
            Type = DocumentType.Quote, ClientId = deal.ClientId, Language = client.Language, Currency = deal.Currency,
            IssueDate = today, ValidUntil = today.AddDays(30),
            Lines = [new LineInput { Description = deal.Title, Quantity = 1, UnitPriceMinor = deal.AmountMinor, TaxRateId = rate.Id }],
        };
        var quote = Document.CreateDraft(form, rates.ToDictionary(t => t.Id, t => t.Percent), now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Documents.Add(quote);
        await db.SaveChangesAsync(ct);
        deal.LinkQuote(quote.Id, now);
        db.Record(deal.ClientId, HistoryKind.DocumentCreated, actor, now, DocumentService.Label(quote), new DocumentRef(quote.Id, quote.Type, null));
        db.Record(deal.ClientId, HistoryKind.DealQuoteCreated, actor, now, deal.Title,
            Data(deal, await OwnerNameAsync(db, deal, ct)) with { QuoteDocumentId = quote.Id });
        try
        {
            await db.SaveCheckedAsync(ct, "Error.DealChangedMeanwhile");
            await tx.CommitAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            // A colleague's click made the quote first: theirs stands, this one is rolled back, and it opens theirs.
            await tx.RollbackAsync(ct);
            await using var again = dbs.CreateDbContext();
            var theirs = await again.Deals.Where(d => d.Id == id).Select(d => d.QuoteDocumentId).SingleOrDefaultAsync(ct);
            if (theirs is null) throw;
            return theirs.Value;
        }
        await feed.PublishAsync(new Change(Topics.Document, quote.Id, actor.UserId, deal.ClientId));
        await PublishAsync(deal, actor);
        return quote.Id;
    }

    private async Task<(long Amount, string Currency, string Owner)> CheckAsync(CrmDbContext db, DealForm form, CultureInfo? culture, CancellationToken ct,
        string? keepOwner = null)
    {
        var errors = new FieldErrors();
        var amount = form.Check(errors, culture ?? CultureInfo.CurrentCulture);
        var client = form.ClientId <= 0 ? null
            : await db.Clients.AsNoTracking().Where(c => c.Id == form.ClientId).Select(c => new { c.Status, c.Currency }).SingleOrDefaultAsync(ct);
        if (form.ClientId > 0 && client is null) errors.Add(nameof(DealForm.ClientId), "Error.ClientNotFound");
        else if (client?.Status == ClientStatus.Archived) errors.Add(nameof(DealForm.ClientId), "Error.ClientArchived");
        string? owner;
        if (keepOwner is not null && form.OwnerUserId == keepOwner)
            owner = (await Assignees.NamesAsync(db, [keepOwner], ct)).GetValueOrDefault(keepOwner).Name ?? string.Empty;
        else
            owner = await Assignees.CheckAsync(db, form.OwnerUserId, nameof(DealForm.OwnerUserId), errors, ct);
        errors.ThrowIfAny();
        return (amount!.Value, client!.Currency, owner!);
    }

    private static DealHistoryData Data(Deal d, string owner) => new(d.Id, d.Title, d.AmountMinor, d.Currency, d.Stage, owner);

    private static async Task<string> OwnerNameAsync(CrmDbContext db, Deal deal, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == deal.OwnerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? string.Empty;

    private static async Task EnsureNotArchivedAsync(CrmDbContext db, long clientId, CancellationToken ct)
    {
        if (await db.Clients.AnyAsync(c => c.Id == clientId && c.Status == ClientStatus.Archived, ct)) throw new DomainException("Error.ClientArchived");
    }

    private static async Task<Deal> LoadAsync(CrmDbContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException("Error.DealNotFound");
        if (deal.Version != expectedVersion) throw new ConcurrencyConflictException("Error.DealChangedMeanwhile");
        return deal;
    }

    private async Task PublishAsync(Deal deal, Actor actor, long? alsoClient = null)
    {
        await feed.PublishAsync(new Change(Topics.Deal, deal.Id, actor.UserId, deal.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, deal.ClientId));
        if (alsoClient is { } other && other != deal.ClientId)
        {
            await feed.PublishAsync(new Change(Topics.Deal, deal.Id, actor.UserId, other));
            await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, other));
        }
    }
}
