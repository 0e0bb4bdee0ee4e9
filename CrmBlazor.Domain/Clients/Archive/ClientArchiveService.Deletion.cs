using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Archive;

public sealed partial class ClientArchiveService
{
    public const string DeletedAuditAction = "client.deleted-permanently";

    /// <summary>
    /// Deletes an archived client for good (ARC-4) once its name is typed: the client, its contact links, history,
    /// documents that are not legal records (drafts, quotes, delivery notes, proformas) and its emails. Refused while
    /// issued invoices or credit notes name it, or money was recorded on its documents: the law keeps those.
    /// What stays is one audit line without personal data.
    /// </summary>
    public async Task DeletePermanentlyAsync(long id, string typedConfirmation, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        await using var db = dbs.CreateDbContext();
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.Kind, c.Status, c.Version, c.EmailLower }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (client.Status != ClientStatus.Archived) throw new DomainException("Error.ArchiveDeleteOnlyArchived");
        if (!string.Equals(typedConfirmation?.Trim(), client.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            throw ValidationFailedException.For("Confirmation", "Error.ArchiveConfirmationMismatch");
        var legal = await LegalRecords(db, id).CountAsync(ct);
        if (legal > 0) throw new DomainException("Error.ArchiveDeleteLegalRecords", null, legal);
        var docs = db.Documents.Where(d => d.ClientId == id).Select(d => d.Id);
        if (await db.Payments.AnyAsync(p => docs.Contains(p.DocumentId), ct)) throw new DomainException("Error.ArchiveDeletePayments");

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The client row first, guarded by the version read above: a restore or deletion meanwhile stops everything here.
            var companies = await PrimaryOfAsync(db, id, ct);
            var removed = await db.Clients.Where(c => c.Id == id && c.Version == client.Version && c.Status == ClientStatus.Archived)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
            if (removed == 0) throw new ConcurrencyConflictException("Error.ArchiveChangedMeanwhile");

            var emails = await db.Outbox.Where(m => m.ClientId == id
                    || (client.Kind == ClientKind.Person && client.EmailLower != "" && m.ToAddress.ToLower() == client.EmailLower))
                .ExecuteDeleteAsync(ct);
            await db.Documents.Where(d => d.ContactId == id && d.ClientId != id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ContactId, (long?)null), ct);
            await db.DocumentRelations.Where(r => docs.Contains(r.SourceId) || docs.Contains(r.TargetId)).ExecuteDeleteAsync(ct);
            var documents = await db.Documents.Where(d => d.ClientId == id).ExecuteDeleteAsync(ct); // lines, PDFs, links, views cascade
            await db.Clients.Where(c => c.Id == id).ExecuteDeleteAsync(ct); // contact links and history cascade
            await PromoteNextPrimaryAsync(db, companies, now, ct);
            db.Audit.Add(new AuditEntry(now, actor.UserId, actor.Name, DeletedAuditAction, $"#{id}",
                JsonSerializer.Serialize(new { Kind = client.Kind.ToString(), Documents = documents, Emails = emails })));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await feed.PublishAsync(new Change(Topics.Client, id, actor.UserId, id));
    }

    /// <summary>The companies whose primary contact is this person (CON-2 must still hold after the deletion).</summary>
    private static Task<List<long>> PrimaryOfAsync(CrmDbContext db, long personId, CancellationToken ct) =>
        db.ContactLinks.Where(l => l.PersonId == personId && l.IsPrimary).Select(l => l.CompanyId).Take(500).ToListAsync(ct);

    private static async Task PromoteNextPrimaryAsync(CrmDbContext db, List<long> companies, DateTime now, CancellationToken ct)
    {
        foreach (var company in companies)
        {
            await db.ContactLinks.Where(l => l.CompanyId == company && l.Id == db.ContactLinks.Where(x => x.CompanyId == company).Min(x => x.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.IsPrimary, true), ct);
            await db.Clients.Where(c => c.Id == company)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);
        }
    }
}
