using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The office's side of the support threads (POR-2): staff read a customer's thread and answer it; office and
/// administrators are told when a contact writes.
/// </summary>
public sealed class PortalSupportDesk(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock, PortalEmails emails)
{
    public async Task<SupportThread> ThreadAsync(long customerId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        if (!await db.Clients.AnyAsync(c => c.Id == customerId, ct)) throw new DomainException("Error.ClientNotFound");
        return await PortalSupportRules.ThreadAsync(db, customerId, ct);
    }

    /// <summary>Answers the thread as the signed-in staff user; a field error on "Body" when empty or too long. An archived client gets no answer.</summary>
    public async Task AnswerAsync(long customerId, string? body, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var text = PortalSupportRules.CheckBody(body);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var status = await db.Clients.Where(c => c.Id == customerId).Select(c => (ClientStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Error.ClientNotFound");
        if (status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        var message = SupportMessage.FromStaff(customerId, actor.UserId ?? string.Empty, actor.Name, text, now);
        db.SupportMessages.Add(message);
        db.Record(customerId, HistoryKind.SupportMessageFromStaff, actor, now, text);
        await QueueAnswerEmailsAsync(db, customerId, text, now, ct);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Support, message.Id, actor.UserId, customerId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, customerId));
    }

    /// <summary>
    /// The contacts who may read the thread (Support permission, a password) and keep ticket emails on (CON-6) are told
    /// by email, in the same unit of work: the answer and its emails are saved together or not at all.
    /// </summary>
    private async Task QueueAnswerEmailsAsync(CrmDbContext db, long customerId, string answer, DateTime now, CancellationToken ct)
    {
        var contacts = await (from a in db.PortalAccounts
                              join p in db.Clients on a.PersonId equals p.Id
                              where a.CustomerId == customerId && a.PasswordHash != "" && p.Status != ClientStatus.Archived && p.Email != ""
                              select new { a.Permissions, Person = p }).ToListAsync(ct);
        var told = contacts.Where(c => (c.Permissions & PortalPermissions.Support) != 0 && c.Person.Notifications.Tickets).ToList();
        if (told.Count == 0) return;
        var organisation = await db.Settings.Select(s => s.CompanyName).SingleAsync(ct);
        foreach (var contact in told) emails.QueueSupportAnswer(db, contact.Person, organisation, answer, now);
    }

    /// <summary>Whether the signed-in user is one the office's new messages are for: office staff and administrators.</summary>
    public static bool IsNotified(Actor actor) => actor.Roles.Contains(StaffRoles.Office) || actor.Roles.Contains(StaffRoles.Admin);

    /// <summary>The notice for a new message from a contact; null for staff answers, or when the user is not told about messages.</summary>
    public async Task<SupportNotice?> NoticeAsync(long messageId, CancellationToken ct = default)
    {
        if (!IsNotified(await actors.GetAsync())) return null;
        await using var db = dbs.CreateDbContext();
        return await (from m in db.SupportMessages
                      join c in db.Clients on m.CustomerId equals c.Id
                      where m.Id == messageId && m.PortalAccountId != null
                      select new SupportNotice(m.Id, m.CustomerId, m.AuthorName, c.Name)).AsNoTracking().SingleOrDefaultAsync(ct);
    }
}
