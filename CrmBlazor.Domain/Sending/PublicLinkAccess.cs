using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// Turns a token from a public URL into its link and document, or nothing (SND-3). Every reason for
/// nothing — malformed, unknown, revoked, expired, a draft, an archived client — looks the same to the caller,
/// so the public page can answer with one neutral "not available".
/// </summary>
public static class PublicLinkAccess
{
    public static async Task<(PublicLink Link, Document Document)?> FindAsync(CrmDbContext db, string? token, DateTime now, CancellationToken ct)
    {
        if (!PublicLinkToken.LooksValid(token)) return null;
        var hash = PublicLinkToken.Hash(token!);
        var link = await db.PublicLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.IsRevoked) return null;
        var document = await db.Documents.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == link.DocumentId, ct);
        if (document is null || document.Status == DocumentStatus.Draft) return null;
        var clientStatus = await db.Clients.Where(c => c.Id == document.ClientId).Select(c => c.Status).SingleAsync(ct);
        if (clientStatus == ClientStatus.Archived) return null;
        var settledDays = await db.Settings.Select(s => s.LinkDaysAfterSettled).SingleAsync(ct);
        return ExpiresAt(document, settledDays) is { } end && now >= end ? null : (link, document);
    }

    /// <summary>
    /// A quote's link ends with the day after its valid-until date; any document's ends a set number of
    /// days after it is paid or cancelled. Otherwise it lasts while the link is not revoked.
    /// </summary>
    public static DateTime? ExpiresAt(Document document, int daysAfterSettled)
    {
        DateTime? settled = document.Status switch
        {
            DocumentStatus.Cancelled => document.CancelledAt,
            DocumentStatus.Paid => document.PaidAt,
            _ => null,
        };
        var bySettlement = settled?.AddDays(daysAfterSettled);
        var byValidity = document.Type == DocumentType.Quote && document.ValidUntil is { } until
            ? until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : (DateTime?)null;
        return (bySettlement, byValidity) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }
}
