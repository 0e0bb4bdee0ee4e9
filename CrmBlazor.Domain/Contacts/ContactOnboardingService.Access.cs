using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Contacts;

/// <summary>Portal access of existing contacts: give it, change its modules (CON-5), send a set-password link (CON-4), remove it.</summary>
public sealed partial class ContactOnboardingService
{
    /// <summary>The portal accounts of a customer's contacts, and the person's own account, by person id.</summary>
    public async Task<IReadOnlyDictionary<long, PortalAccessView>> AccessAsync(long clientId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var rows = await db.PortalAccounts.AsNoTracking().Where(a => a.CustomerId == clientId || a.PersonId == clientId)
            .OrderBy(a => a.Id).Take(RowReadGuard.Limit)
            .Select(a => new PortalAccessView(a.PersonId, a.Id, a.CustomerId, a.Permissions, a.PasswordHash != "", a.LockedUntil, a.LastSignInAt))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.PersonId);
    }

    /// <summary>
    /// Gives an existing person access for <paramref name="customerId"/>: a company the person is linked to, or the
    /// person itself when it is a customer with no company. The welcome email follows the settings' switch.
    /// </summary>
    public async Task GrantAccessAsync(long personId, long customerId, PortalPermissions permissions, bool sendSetPasswordEmail, bool sendWelcomeEmail = true,
        CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var person = await db.Clients.FirstOrDefaultAsync(c => c.Id == personId, ct) ?? throw new DomainException("Error.ClientNotFound");
        var customer = await db.Clients.FirstOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new DomainException("Error.ClientNotFound");
        if (customer.Status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        var linked = customerId == personId
            ? person.IsCustomer && !await db.ContactLinks.AnyAsync(l => l.PersonId == personId, ct)
            : await db.ContactLinks.AnyAsync(l => l.PersonId == personId && l.CompanyId == customerId, ct);
        if (!linked) throw new DomainException("Error.PortalNotAContact");
        if (await db.PortalAccounts.AnyAsync(a => a.PersonId == personId, ct)) throw new DomainException("Error.PortalAccessExists");
        var settings = await db.Settings.AsNoTracking().Select(s => new { s.CompanyName, s.WelcomeEmailEnabled }).SingleAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = PortalAccount.Grant(person, customerId, permissions, now);
        db.PortalAccounts.Add(account);
        await SaveAccountAsync(db, ct);
        RecordGranted(db, actor, now, person, customer, account);
        QueueEmails(db, actor, now, person, customerId, account, settings.CompanyName,
            welcome: sendWelcomeEmail && settings.WelcomeEmailEnabled, setPassword: sendSetPasswordEmail);
        await db.SaveCheckedAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, customerId, personId);
    }

    /// <summary>Changes which portal modules the contact may use (CON-5); the next portal request sees it.</summary>
    public async Task SetPermissionsAsync(long personId, PortalPermissions permissions, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var (account, person) = await LoadAccountAsync(db, personId, ct);
        var before = account.Permissions;
        account.SetPermissions(permissions);
        if (account.Permissions == before) return;
        var data = new PortalPermissionsData(personId, person.Name, before, account.Permissions);
        db.Record(personId, HistoryKind.PortalPermissionsChanged, actor, now, person.Name, data);
        if (account.CustomerId != personId) db.Record(account.CustomerId, HistoryKind.PortalPermissionsChanged, actor, now, person.Name, data);
        await db.SaveCheckedAsync(ct);
        await PublishAsync(actor, account.CustomerId, personId);
    }

    /// <summary>Mails the contact a new set-password link (CON-4).</summary>
    public async Task SendSetPasswordEmailAsync(long personId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var (account, person) = await LoadAccountAsync(db, personId, ct);
        var organisation = await db.Settings.AsNoTracking().Select(s => s.CompanyName).SingleAsync(ct);
        QueueEmails(db, actor, now, person, account.CustomerId, account, organisation, welcome: false, setPassword: true);
        await db.SaveCheckedAsync(ct);
        await PublishAsync(actor, account.CustomerId, personId);
    }

    /// <summary>Removes the contact's portal access: the account and its links go, open sessions end at their next request.</summary>
    public async Task RemoveAccessAsync(long personId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var (account, person) = await LoadAccountAsync(db, personId, ct, allowArchived: true);
        db.PortalAccounts.Remove(account);
        var data = new PortalPermissionsData(personId, person.Name, account.Permissions, PortalPermissions.None, Removed: true);
        db.Record(personId, HistoryKind.PortalPermissionsChanged, actor, now, person.Name, data);
        if (account.CustomerId != personId) db.Record(account.CustomerId, HistoryKind.PortalPermissionsChanged, actor, now, person.Name, data);
        await db.SaveCheckedAsync(ct);
        await PublishAsync(actor, account.CustomerId, personId);
    }

    private static async Task<(PortalAccount Account, Client Person)> LoadAccountAsync(CrmDbContext db, long personId, CancellationToken ct, bool allowArchived = false)
    {
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.PersonId == personId, ct) ?? throw new DomainException("Error.PortalNoAccess");
        var person = await db.Clients.SingleAsync(c => c.Id == personId, ct);
        if (!allowArchived && await db.Clients.AnyAsync(c => (c.Id == personId || c.Id == account.CustomerId) && c.Status == ClientStatus.Archived, ct))
            throw new DomainException("Error.ClientArchived");
        return (account, person);
    }

    /// <summary>Two staff giving the same person access at once: the unique index on the person decides.</summary>
    private static async Task SaveAccountAsync(CrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.PortalAccountPerPerson))
        {
            throw new DomainException("Error.PortalAccessExists");
        }
    }
}
