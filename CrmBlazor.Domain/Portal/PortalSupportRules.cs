using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>What both sides of a support thread share: the message rule and reading the thread.</summary>
internal static class PortalSupportRules
{
    public const int ThreadLimit = 200;

    /// <summary>The text as it is saved; a field error on "Body" when it is empty or too long, and nothing is saved.</summary>
    public static string CheckBody(string? body)
    {
        var text = (body ?? string.Empty).Trim();
        if (text.Length == 0) throw ValidationFailedException.For("Body", "Error.Required");
        if (text.Length > SupportMessage.BodyMax) throw ValidationFailedException.For("Body", $"Error.TooLong|{SupportMessage.BodyMax}");
        return text;
    }

    /// <summary>The newest <see cref="ThreadLimit"/> messages, shown oldest first.</summary>
    public static async Task<SupportThread> ThreadAsync(CrmDbContext db, long customerId, CancellationToken ct)
    {
        var customer = await db.Clients.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).SingleAsync(ct);
        var newest = await db.SupportMessages.AsNoTracking().Where(m => m.CustomerId == customerId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(ThreadLimit + 1)
            .Select(m => new SupportMessageView(m.Id, m.AuthorName, m.PortalAccountId != null, m.Body, m.CreatedAt))
            .ToListAsync(ct);
        var shown = newest.Take(ThreadLimit).Reverse().ToList();
        return new SupportThread(customerId, customer, shown, newest.Count > ThreadLimit);
    }
}
