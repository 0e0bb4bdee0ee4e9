using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The contact's side of the customer's support thread (POR-2), behind the Support permission (CON-5): reading it,
/// and writing to the office. Each message also goes into the customer's History, and staff are told after the commit.
/// </summary>
public sealed class PortalSupport(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock)
{
    /// <summary>The customer's thread; null without the Support permission.</summary>
    public async Task<SupportThread?> ThreadAsync(PortalContact contact, CancellationToken ct = default)
    {
        if (!contact.May(PortalPermissions.Support)) return null;
        await using var db = dbs.CreateDbContext();
        return await PortalSupportRules.ThreadAsync(db, contact.CustomerId, ct);
    }

    /// <summary>
    /// Writes a message from the contact: false without the Support permission; a field error on "Body" when it is
    /// empty or longer than <see cref="SupportMessage.BodyMax"/>, and then nothing is saved.
    /// </summary>
    public async Task<bool> PostAsync(PortalContact contact, string? body, CancellationToken ct = default)
    {
        if (!contact.May(PortalPermissions.Support)) return false;
        var text = PortalSupportRules.CheckBody(body);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var message = SupportMessage.FromContact(contact.CustomerId, contact.AccountId, contact.Name, text, now);
        db.SupportMessages.Add(message);
        db.Record(contact.CustomerId, HistoryKind.SupportMessageFromContact, Sending.DocumentAnswering.Visitor(contact.Name), now, text);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Support, message.Id, null, contact.CustomerId));
        await feed.PublishAsync(new Change(Topics.History, null, null, contact.CustomerId));
        return true;
    }
}
