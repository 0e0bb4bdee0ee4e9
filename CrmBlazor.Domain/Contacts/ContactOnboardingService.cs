using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Contacts;

/// <summary>
/// "New contact" on a company (CON-1..CON-6): the person, the link (primary as CON-2 says), the portal account,
/// the welcome and set-password emails and the history lines, all in one transaction; the change feed hears of
/// it after the commit. The portal-access actions on existing contacts are in the other part of this class.
/// </summary>
public sealed partial class ContactOnboardingService(
    CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock, PortalPasswords passwords, PortalEmails emails)
{
    public async Task<NewContactDefaults> DefaultsAsync(long companyId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var settings = await db.Settings.AsNoTracking().Select(s => new { s.DefaultPortalPermissions, s.WelcomeEmailEnabled }).SingleAsync(ct);
        var first = !await db.ContactLinks.AnyAsync(l => l.CompanyId == companyId, ct);
        return new NewContactDefaults(first, settings.DefaultPortalPermissions, settings.WelcomeEmailEnabled);
    }

    /// <summary>Creates the contact with everything it comes with; returns the new person's id.</summary>
    public async Task<long> CreateContactAsync(long companyId, NewContactForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = dbs.CreateDbContext();
        var company = await db.Clients.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == companyId, ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (company.Kind != ClientKind.Company) throw new DomainException("Error.LinkNeedsCompanyAndPerson");
        if (company.Status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        form.Validate(company);
        var person = Client.Create(form.ToClientForm(company), now);
        await EnsureEmailFreeAsync(db, person.EmailLower, ct);
        var settings = await db.Settings.AsNoTracking().Select(s => new { s.CompanyName, s.WelcomeEmailEnabled }).SingleAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        person.SetNotifications(form.Notifications, now);
        db.Clients.Add(person);
        await db.SaveCheckedAsync(ct);

        var link = company.LinkPerson(person, form.Position);
        company.Touch(now);
        await db.SaveCheckedAsync(ct);
        if (form.Primary && !link.IsPrimary)
        {
            // The one-primary index is checked row by row: clear the old primary first, then set the new one.
            company.MakePrimary(person.Id);
            link.IsPrimary = false;
            await db.SaveCheckedAsync(ct);
            link.IsPrimary = true;
            db.Record(companyId, HistoryKind.PrimaryContactChanged, actor, now, person.Name, new LinkData(person.Id, person.Name, link.Position));
        }

        var account = PortalAccount.Grant(person, companyId, form.Permissions, now);
        if (form.Password.Length > 0) passwords.Set(account, form.Password, now);
        db.PortalAccounts.Add(account);
        await db.SaveCheckedAsync(ct);

        db.Record(person.Id, HistoryKind.Created, actor, now, person.Name);
        db.Record(companyId, HistoryKind.Linked, actor, now, person.Name, new LinkData(person.Id, person.Name, link.Position));
        db.Record(person.Id, HistoryKind.Linked, actor, now, company.Name, new LinkData(companyId, company.Name, link.Position));
        RecordGranted(db, actor, now, person, company, account);
        QueueEmails(db, actor, now, person, companyId, account, settings.CompanyName,
            welcome: settings.WelcomeEmailEnabled && !form.DoNotSendWelcomeEmail, setPassword: form.SendSetPasswordEmail);
        await db.SaveCheckedAsync(ct);
        await tx.CommitAsync(ct);

        await PublishAsync(actor, companyId, person.Id);
        return person.Id;
    }

    private void QueueEmails(CrmDbContext db, Actor actor, DateTime now, Client person, long customerId, PortalAccount account, string organisation,
        bool welcome, bool setPassword)
    {
        var data = new PortalEmailData(person.Id, person.Name, person.Email);
        if (welcome)
        {
            emails.QueueWelcome(db, person, organisation, now);
            db.Record(person.Id, HistoryKind.WelcomeEmailQueued, actor, now, person.Email, data);
            if (customerId != person.Id) db.Record(customerId, HistoryKind.WelcomeEmailQueued, actor, now, person.Email, data);
        }
        if (setPassword)
        {
            emails.QueueSetPassword(db, account, person, organisation, now);
            db.Record(person.Id, HistoryKind.SetPasswordEmailQueued, actor, now, person.Email, data);
            if (customerId != person.Id) db.Record(customerId, HistoryKind.SetPasswordEmailQueued, actor, now, person.Email, data);
        }
    }

    private static void RecordGranted(CrmDbContext db, Actor actor, DateTime now, Client person, Client customer, PortalAccount account)
    {
        var data = new PortalAccessData(person.Id, person.Name, customer.Id, customer.Name, account.Permissions);
        db.Record(person.Id, HistoryKind.PortalAccessGranted, actor, now, customer.Name, data);
        if (customer.Id != person.Id) db.Record(customer.Id, HistoryKind.PortalAccessGranted, actor, now, person.Name, data);
    }

    private async Task PublishAsync(Actor actor, long customerId, long personId)
    {
        foreach (var id in new[] { customerId, personId }.Distinct())
        {
            await feed.PublishAsync(new Change(Topics.Client, id, actor.UserId, id));
            await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, id));
        }
        await feed.PublishAsync(new Change(Topics.Portal, personId, actor.UserId, customerId));
    }

    /// <summary>The login must be free among persons (CON-1); the message names who has it.</summary>
    private static async Task EnsureEmailFreeAsync(CrmDbContext db, string emailLower, CancellationToken ct)
    {
        var owner = await db.Clients.Where(c => c.Kind == ClientKind.Person && c.EmailLower == emailLower).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (owner is not null) throw ValidationFailedException.For(nameof(NewContactForm.Email), $"Error.EmailUsedBy|{owner}");
    }
}
