using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Sending;

/// <summary>Who answers and how they reached the document: the emailed link (a typed name) or the portal (the signed-in contact).</summary>
/// <param name="Recipient">The address the link was mailed to, or the contact's login.</param>
public sealed record AnswerSource(string Recipient, string From, bool ViaPortal);

/// <summary>
/// The one place a quote or proforma is accepted or rejected (SND-4, POR-2), whether from its emailed link or from
/// the client portal: once, a later or losing attempt gets the answer that stands, the client's History says who
/// answered, and the staff pages are told after the commit.
/// </summary>
public sealed class DocumentAnswering(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <param name="find">The document the caller may answer, loaded with its lines in that context; null when it may not (or it does not exist).</param>
    public async Task<AnswerOutcome?> AnswerAsync(Func<CrmDbContext, DateTime, Task<(Document Document, AnswerSource Source)?>> find,
        DocumentStatus answer, string name, string comment, Action<string, string> validate, CancellationToken ct)
    {
        name = (name ?? string.Empty).Trim();
        comment = (comment ?? string.Empty).Trim();
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = dbs.CreateDbContext();
            if (await find(db, now) is not ({ } document, { } source)) return null;
            if (PublicAnswer.Of(document) is { } standing) return new AnswerOutcome(true, standing);
            validate(name, comment);
            if (answer == DocumentStatus.Accepted) document.Accept(name, comment, source.From, now);
            else document.Reject(name, comment, source.From, now);
            var kind = answer == DocumentStatus.Accepted ? HistoryKind.DocumentAccepted : HistoryKind.DocumentRejected;
            db.Record(document.ClientId, kind, Visitor(name.Length > 0 ? name : source.Recipient), now, comment,
                Event(document, source.Recipient, source.From, comment, source.ViaPortal));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another answer, a view or a staff change came first: read again; a standing answer wins.
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");
            }
            await feed.PublishAsync(new Change(Topics.Document, document.Id, null, document.ClientId));
            await feed.PublishAsync(new Change(Topics.History, null, null, document.ClientId));
            return new AnswerOutcome(false, PublicAnswer.Of(document)!);
        }
    }

    /// <summary>Who a public-page or portal line is from: the typed name, the contact, or the address the link was mailed to; never a staff user.</summary>
    internal static Actor Visitor(string name) => new(null, name, new HashSet<string>(), Users.ProfileRights.None);

    internal static PublicLinkEvent Event(Document d, string recipient, string from, string comment, bool viaPortal = false) =>
        new(d.Id, d.Type, d.Number, recipient, from, comment, viaPortal);
}
