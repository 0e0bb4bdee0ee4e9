using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients;

/// <summary>
/// Links persons to companies (DIR-1) and keeps exactly one primary contact per company (CON-2).
/// Every link change bumps the company's version, so two staff changing its contacts at once cannot
/// both win and leave two primaries.
/// </summary>
public sealed class ContactLinkService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public Task LinkAsync(long companyId, long personId, string position, CancellationToken ct = default) =>
        ChangeAsync(companyId, personId, HistoryKind.Linked, (company, person) => company.LinkPerson(person, position ?? string.Empty), ct);

    public Task UnlinkAsync(long companyId, long personId, CancellationToken ct = default) =>
        ChangeAsync(companyId, personId, HistoryKind.Unlinked, (company, _) => company.Unlink(personId), ct);

    public Task MakePrimaryAsync(long companyId, long personId, CancellationToken ct = default) =>
        ChangeAsync(companyId, personId, HistoryKind.PrimaryContactChanged, (company, _) => company.MakePrimary(personId), ct);

    public Task ChangePositionAsync(long companyId, long personId, string position, CancellationToken ct = default) =>
        ChangeAsync(companyId, personId, HistoryKind.Linked, (company, _) => company.ChangePosition(personId, position ?? string.Empty), ct);

    private async Task ChangeAsync(long companyId, long personId, HistoryKind kind, Action<Client, Client> change, CancellationToken ct)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = dbs.CreateDbContext();
        var company = await db.Clients.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == companyId, ct)
            ?? throw new DomainException("Error.ClientNotFound");
        var person = await db.Clients.FirstOrDefaultAsync(c => c.Id == personId, ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (company.Status == ClientStatus.Archived || person.Status == ClientStatus.Archived)
            throw new DomainException("Error.ClientArchived");

        change(company, person);
        company.Touch(now);
        var position = company.Contacts.FirstOrDefault(l => l.PersonId == personId)?.Position ?? string.Empty;
        db.Record(companyId, kind, actor, now, person.Name, new LinkData(personId, person.Name, position));
        db.Record(personId, kind, actor, now, company.Name, new LinkData(companyId, company.Name, position));

        // The one-primary index is checked row by row, and EF may write the new primary before it clears
        // the old one: clear first, then set the new primary, in one transaction.
        var promoted = company.Contacts.SingleOrDefault(l => l.IsPrimary && !db.Entry(l).Property(x => x.IsPrimary).OriginalValue);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (promoted is not null)
        {
            promoted.IsPrimary = false;
            await db.SaveCheckedAsync(ct);
            promoted.IsPrimary = true;
        }
        await db.SaveCheckedAsync(ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Client, companyId, actor.UserId, companyId));
        await feed.PublishAsync(new Change(Topics.Client, personId, actor.UserId, personId));
    }
}
