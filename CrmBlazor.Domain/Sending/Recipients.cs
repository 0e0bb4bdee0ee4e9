using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// Someone a document could be mailed to: a person client itself or a contact of a company client.
/// <see cref="Preselected"/>: has the notification for the document's kind on (SND-1, CON-6) and, for a
/// company's contact, is active.
/// </summary>
public sealed record RecipientOption(long ClientId, string Name, string Email, bool NotificationOn, bool IsActive, bool Preselected);

public static class Recipients
{
    public const int Max = 200;

    /// <summary>The notification toggle that governs a document type (CON-6).</summary>
    public static string ToggleFor(DocumentType type) => type switch
    {
        DocumentType.Quote => nameof(ContactNotifications.Estimate),
        DocumentType.CreditNote => nameof(ContactNotifications.CreditNote),
        _ => nameof(ContactNotifications.Invoice),
    };

    /// <summary>Every person with an email who could get the client's documents of <paramref name="type"/>, preselected first.</summary>
    public static async Task<IReadOnlyList<RecipientOption>> ForAsync(CrmDbContext db, long clientId, DocumentType type, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Kind }).SingleAsync(ct);
        var people = client.Kind == ClientKind.Person
            ? db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            : from l in db.ContactLinks.AsNoTracking()
              where l.CompanyId == clientId
              join p in db.Clients.AsNoTracking() on l.PersonId equals p.Id
              where p.Status != ClientStatus.Archived
              select p;
        var rows = await people.Where(p => p.Email != "").OrderBy(p => p.SortKey).ThenBy(p => p.Id).Take(Max)
            .Select(p => new { p.Id, p.Name, p.Email, p.Status, p.Notifications.Invoice, p.Notifications.CreditNote, p.Notifications.Estimate })
            .ToListAsync(ct);
        var toggle = ToggleFor(type);
        return rows.Select(r =>
            {
                var on = toggle switch
                {
                    nameof(ContactNotifications.Estimate) => r.Estimate,
                    nameof(ContactNotifications.CreditNote) => r.CreditNote,
                    _ => r.Invoice,
                };
                var active = r.Status == ClientStatus.Active;
                return new RecipientOption(r.Id, r.Name, r.Email, on, active, on && (active || r.Id == clientId));
            })
            .OrderByDescending(r => r.Preselected).ToList();
    }
}
