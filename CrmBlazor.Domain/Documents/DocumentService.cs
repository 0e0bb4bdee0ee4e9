using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Documents;

/// <summary>Drafts, issuing with gapless numbers, cancelling and changing the client of documents.</summary>
public sealed class DocumentService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<DocumentDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var d = await db.Documents.AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == d.ClientId).Select(c => new { c.Name, c.Status }).SingleAsync(ct);
        var contact = d.ContactId is { } cid ? await db.Clients.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Name).SingleOrDefaultAsync(ct) : null;
        var from = await (from r in db.DocumentRelations join s in db.Documents on r.SourceId equals s.Id where r.TargetId == id
                          select new RelatedDocument(s.Id, s.Type, s.Number, s.Status)).ToListAsync(ct);
        var into = await (from r in db.DocumentRelations join t in db.Documents on r.TargetId equals t.Id where r.SourceId == id
                          select new RelatedDocument(t.Id, t.Type, t.Number, t.Status)).ToListAsync(ct);
        var lines = d.Lines.OrderBy(l => l.Position).ToList();
        return new DocumentDetails(d.Id, d.Type, d.Status, d.Number, d.ClientId, client.Name, client.Status, d.ContactId, contact,
            d.Language, d.Currency, d.IssueDate, d.DueDate, d.ValidUntil, d.Notes, lines, d.Totals(), d.IssuedAt, d.CancelledAt, d.Version, from, into) { OnHold = d.OnHold };
    }

    /// <summary>A blank draft for the client: its language and currency (DOC-8), today, the due date from the payment terms.</summary>
    public async Task<DocumentForm> NewDraftFormAsync(DocumentType type, long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        await CheckPartiesAsync(db, clientId, null, ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Language, c.Currency }).SingleAsync(ct);
        var terms = await db.Settings.Select(s => s.PaymentTermDays).SingleAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DocumentForm
        {
            Type = type, ClientId = clientId, Language = client.Language, Currency = client.Currency, IssueDate = today,
            DueDate = type.HasDueDate() ? today.AddDays(terms) : null, ValidUntil = type.HasValidUntil() ? today.AddDays(30) : null,
        };
    }

    public async Task<long> CreateDraftAsync(DocumentForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        await CheckPartiesAsync(db, form.ClientId, form.ContactId, ct);
        var document = Document.CreateDraft(form, await TaxRatesAsync(db, ct), now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        db.Record(document.ClientId, HistoryKind.DocumentCreated, actor, now, Label(document), new DocumentRef(document.Id, document.Type, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(document, actor);
        return document.Id;
    }

    public async Task<long> UpdateDraftAsync(long id, DocumentForm form, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        await using var db = dbs.CreateDbContext();
        var document = await LoadAsync(db, id, expectedVersion, ct);
        await CheckPartiesAsync(db, form.ClientId, form.ContactId, ct);
        document.EditDraft(form, await TaxRatesAsync(db, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await PublishAsync(document, actor);
        return document.Version;
    }

    /// <summary>
    /// Gives the next number of the type and year and freezes the document (DOC-2). The counter row is
    /// written first, so the transaction holds the write lock (SQLite) or the row lock (PostgreSQL) before
    /// it reads: two users issuing at once get consecutive numbers, a failure gives the number back.
    /// </summary>
    public async Task<string> IssueAsync(long id, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var type = await db.Documents.Where(d => d.Id == id).Select(d => (DocumentType?)d.Type).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Error.DocumentNotFound");
        var year = now.Year;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await DocumentNumbering.NextAsync(db, type, year, ct);
        var document = await db.Documents.Include(d => d.Lines).SingleAsync(d => d.Id == id, ct);
        var prefix = await db.Settings.Select(s => s.PrefixFor(type)).SingleAsync(ct);
        var number = DocumentNumbering.Format(prefix, year, sequence);
        document.Issue(number, year, sequence, now);
        db.Record(document.ClientId, HistoryKind.DocumentIssued, actor, now, Label(document), new DocumentRef(document.Id, document.Type, number));
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await tx.CommitAsync(ct);

        await PublishAsync(document, actor);
        return number;
    }

    public async Task CancelAsync(long id, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var document = await LoadAsync(db, id, expectedVersion, ct);
        document.Cancel(now);
        db.Record(document.ClientId, HistoryKind.DocumentCancelled, actor, now, Label(document), new DocumentRef(document.Id, document.Type, document.Number));
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await PublishAsync(document, actor);
    }

    /// <summary>Moves an issued document to another client or contact (DOC-7), in both clients' histories.</summary>
    public async Task ChangeClientAsync(long id, long clientId, long? contactId, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var document = await LoadAsync(db, id, expectedVersion, ct);
        await CheckPartiesAsync(db, clientId, contactId, ct);
        var previous = document.ClientId;
        document.ChangeClient(clientId, contactId, now);
        var names = await db.Clients.Where(c => c.Id == previous || c.Id == clientId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var data = new ClientChangeData(document.Id, document.Type, document.Number, previous, names[previous], clientId, names[clientId]);
        db.Record(previous, HistoryKind.DocumentClientChanged, actor, now, Label(document), data);
        if (clientId != previous) db.Record(clientId, HistoryKind.DocumentClientChanged, actor, now, Label(document), data);
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await PublishAsync(document, actor, previous);
    }

    /// <summary>A new draft of <paramref name="target"/> from one or more issued documents of the same client (DOC-4).</summary>
    public async Task<long> ConvertAsync(IReadOnlyList<long> sourceIds, DocumentType target, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        if (sourceIds.Count == 0) throw new DomainException("Error.ConversionNoSource");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = dbs.CreateDbContext();
        var sources = await db.Documents.Include(d => d.Lines).Where(d => sourceIds.Contains(d.Id)).ToListAsync(ct);
        if (sources.Count != sourceIds.Distinct().Count()) throw new DomainException("Error.DocumentNotFound");
        if (sources.Count > 1 && (sources.Any(s => s.Type != DocumentType.DeliveryNote) || target != DocumentType.Invoice))
            throw new DomainException("Error.ConversionOnlyDeliveryNotesTogether");
        if (sources.Select(s => (s.ClientId, s.Currency)).Distinct().Count() > 1) throw new DomainException("Error.ConversionMixedClients");
        await CheckPartiesAsync(db, sources[0].ClientId, sources[0].ContactId, ct);

        var terms = await db.Settings.Select(s => s.PaymentTermDays).SingleAsync(ct);
        var forms = sources.OrderBy(s => s.Id).Select(s => s.ToConversion(target, today, terms)).ToList();
        var form = forms[0];
        form.Lines = forms.SelectMany(f => f.Lines).ToList();
        var document = Document.CreateDraft(form, await TaxRatesAsync(db, ct, includeRetired: true), now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        foreach (var source in sources)
        {
            db.DocumentRelations.Add(new DocumentRelation(source.Id, document.Id));
            db.Record(document.ClientId, HistoryKind.DocumentConverted, actor, now, $"{Label(source)} → {Label(document)}",
                new DocumentRef(document.Id, document.Type, null));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(document, actor);
        // The sources now show what they turned into (DOC-4), so their open pages must hear of it too.
        foreach (var source in sources.OrderBy(s => s.Id)) await PublishAsync(source, actor);
        return document.Id;
    }

    internal static string Label(Document d) => d.Number ?? $"{d.Type} #{d.Id}";

    private static async Task<Document> LoadAsync(CrmDbContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var document = await db.Documents.Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainException("Error.DocumentNotFound");
        if (document.Version != expectedVersion) throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");
        return document;
    }

    /// <summary>The client may be inactive (DEA-7) but not archived; the contact must be a person.</summary>
    private static async Task CheckPartiesAsync(CrmDbContext db, long clientId, long? contactId, CancellationToken ct)
    {
        var client = await db.Clients.Where(c => c.Id == clientId).Select(c => (ClientStatus?)c.Status).SingleOrDefaultAsync(ct);
        if (client is null) throw ValidationFailedException.For(nameof(DocumentForm.ClientId), "Error.ClientNotFound");
        if (client == ClientStatus.Archived) throw ValidationFailedException.For(nameof(DocumentForm.ClientId), "Error.ClientArchived");
        if (contactId is { } cid && !await db.Clients.AnyAsync(c => c.Id == cid && c.Kind == ClientKind.Person && c.Status != ClientStatus.Archived, ct))
            throw ValidationFailedException.For(nameof(DocumentForm.ContactId), "Error.ContactInvalid");
    }

    private static async Task<IReadOnlyDictionary<long, decimal>> TaxRatesAsync(CrmDbContext db, CancellationToken ct, bool includeRetired = false) =>
        await db.TaxRates.Where(t => includeRetired || t.IsActive).ToDictionaryAsync(t => t.Id, t => t.Percent, ct);

    private async Task PublishAsync(Document document, Actor actor, long? alsoClient = null)
    {
        await feed.PublishAsync(new Change(Topics.Document, document.Id, actor.UserId, document.ClientId));
        if (alsoClient is { } other && other != document.ClientId)
            await feed.PublishAsync(new Change(Topics.Document, document.Id, actor.UserId, other));
    }
}

/// <summary>The document a history line is about.</summary>
public sealed record DocumentRef(long DocumentId, DocumentType Type, string? Number);

/// <summary>Details of a change of client (DOC-7).</summary>
public sealed record ClientChangeData(long DocumentId, DocumentType Type, string? Number, long FromClientId, string FromClient, long ToClientId, string ToClient);
